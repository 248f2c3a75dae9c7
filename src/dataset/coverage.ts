import { wordDiff } from '../diff/word-diff';
import type { Coverage, Statement } from './types';
import { groupUtterances, prepareStatements, type MemberRole, type Utterance } from './utterances';

const RANK: Record<MemberRole, number> = {
  root: 0,
  version: 1,
  fragment: 2,
  span: 3,
  paraphrase: 4,
};

/**
 * Turns utterances into coverage groups: one group per utterance that more than one article
 * reports, its statements fullest first (root, versions, fragments, paraphrases), the diff
 * between the root and the first statement of another article.
 */
export function coverageOf(statements: readonly Statement[], utterances: Utterance[]): Coverage[] {
  const byId = new Map(statements.map((s, i) => [s.id, { s, i }]));
  const out: Coverage[] = [];
  for (const u of utterances) {
    const members = u.members
      .filter((m) => byId.has(m.statement))
      .sort(
        (a, b) =>
          RANK[a.role] - RANK[b.role] || byId.get(a.statement)!.i - byId.get(b.statement)!.i,
      );
    const articles = new Set(members.map((m) => byId.get(m.statement)!.s.article));
    if (articles.size < 2) continue;
    const first = byId.get(members[0]!.statement)!.s;
    const second = members.find((m) => byId.get(m.statement)!.s.article !== first.article)!;
    const rest = members.filter((m) => m !== members[0] && m !== second);
    const score = Math.max(
      ...members
        .filter((m) => byId.get(m.statement)!.s.article !== first.article)
        .map((m) => m.score),
    );
    out.push({
      id: `c:${first.id}`,
      statements: [first.id, second.statement, ...rest.map((m) => m.statement)],
      similarity: Math.round(Math.min(1, score) * 1000) / 1000,
      diff: wordDiff(first.text, byId.get(second.statement)!.s.text),
    });
  }
  return out;
}

/**
 * Links statements in different articles that report the same utterance (see
 * `groupUtterances`). With `onlyInvolving`, keeps only groups holding one of those statements
 * (an added article against the dataset).
 */
export function linkCoverage(
  statements: readonly Statement[],
  onlyInvolving?: ReadonlySet<string>,
  /** People's name and title terms (`namingTerms`), so paraphrases match as in the build. */
  naming?: ReadonlySet<string>,
): Coverage[] {
  const utterances = groupUtterances(statements, prepareStatements(statements, naming));
  // Only the groups holding one of those statements are made (a group keeps every member
  // that is among `statements`): a group's diff is the costly part, and an added article
  // against 100,000 statements kept a few of 20,000.
  return coverageOf(
    statements,
    onlyInvolving
      ? utterances.filter((u) => u.members.some((m) => onlyInvolving.has(m.statement)))
      : utterances,
  );
}
