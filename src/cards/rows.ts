import type { DiffPart, Statement } from '../dataset/types';
import type { CardGroup, CardRow, CardVersion, OnlyIn, WordDiff } from './card-types';
import { claimsOf, versionOf, type DatasetIndex } from './dataset-index';
import { wordsAsWritten } from '../text/words';

/** A wording as compared for "identical": case, punctuation and spacing ignored. */
export const wordingKey = (text: string) => wordsAsWritten(text).join(' ');

/** A wording's text with the words it does not share with `common` marked as its own. */
function ownWords(common: string, text: string, wordDiff: WordDiff): DiffPart[] {
  const kept = wordDiff(common, text).filter((p) => p.op !== 'removed');
  const parts: DiffPart[] = [];
  kept.forEach((p, i) => {
    // A space between two marked words belongs to the mark.
    const op =
      p.op === 'same' &&
      p.text.trim() === '' &&
      kept[i - 1]?.op === 'added' &&
      kept[i + 1]?.op === 'added'
        ? 'added'
        : p.op;
    const last = parts.at(-1);
    if (last && last.op === op) last.text += p.text;
    else parts.push({ op, text: p.text });
  });
  return parts;
}

/**
 * Rows of one utterance: identical wordings collapsed into one row with their outlets, the most
 * common wording first (ties: the fullest), each other wording with its own words marked.
 */
function rowsOf(
  versions: CardVersion[],
  wordDiff: WordDiff,
  page?: { version: CardVersion } | null,
): CardRow[] {
  const byKey = new Map<string, CardVersion[]>();
  for (const v of versions) {
    const key = wordingKey(v.statement.text);
    const list = byKey.get(key);
    if (list) list.push(v);
    else byKey.set(key, [v]);
  }
  const pageKey = page ? wordingKey(page.version.statement.text) : null;
  const groups = [...byKey.entries()];
  const outletsIn = (list: CardVersion[]) => new Set(list.map((v) => v.outlet.id)).size;
  // Most outlets first; a full quotation before fragments and paraphrases; then dataset order.
  const rank = (list: CardVersion[]) =>
    outletsIn(list) * 4 + (list[0]!.statement.kind === 'quote' ? 2 : 0);
  groups.sort((a, b) => rank(b[1]) - rank(a[1]));
  const commonText = groups[0]?.[1][0]!.statement.text ?? '';
  const compared = (text: string, common: boolean) => {
    if (common) return { parts: [{ op: 'same' as const, text }], part: false };
    const parts = ownWords(commonText, text, wordDiff);
    const shared = parts.filter((p) => p.op === 'same').map((p) => wordingKey(p.text));
    const sharedWords = shared.join(' ').split(' ').filter(Boolean).length;
    // Under a fifth of its words in common: a different part of the remark, not a rewording.
    return sharedWords * 5 < wordingKey(text).split(' ').length
      ? { parts: [{ op: 'same' as const, text }], part: true }
      : { parts, part: false };
  };
  const rows: CardRow[] = groups.map(([key, list], i) => ({
    versions: list,
    ...compared(list[0]!.statement.text, i === 0),
    common: i === 0,
    page: key === pageKey,
  }));
  if (page && pageKey !== null && !byKey.has(pageKey)) {
    rows.push({
      versions: [page.version],
      ...compared(page.version.statement.text, false),
      common: false,
      page: true,
    });
  }
  return rows;
}

/**
 * The utterances of `statements` as groups of outlet versions, and the statements only one
 * outlet carried (those safe to call so), by outlet.
 */
export function groupsAndSingles(
  index: DatasetIndex,
  statements: Statement[],
  wordDiff: WordDiff,
  page?: { coverage: string; version: CardVersion } | null,
): { groups: CardGroup[]; onlyIn: OnlyIn[] } {
  const groups: CardGroup[] = [];
  const seen = new Set<string>();
  const singles = new Map<string, OnlyIn>();
  const claims = claimsOf(index);
  for (const s of statements) {
    if (seen.has(s.id)) continue;
    const coverage = index.coverageOf.get(s.id);
    if (coverage) {
      for (const id of coverage.statements) seen.add(id);
      const versions = coverage.statements
        .map((id) => index.statements.get(id))
        .filter((x): x is Statement => x !== undefined)
        .map((x) => versionOf(index, x))
        .filter((v): v is CardVersion => v !== null);
      if (versions.length < 2) continue;
      const here = page?.coverage === coverage.id ? page : null;
      groups.push({
        coverage: coverage.id,
        similarity: coverage.similarity,
        versions,
        rows: rowsOf(versions, wordDiff, here),
        outlets: new Set(versions.map((v) => v.outlet.id)).size,
      });
      continue;
    }
    seen.add(s.id);
    const of = claims.get(s.id);
    if (of === undefined) continue;
    const version = versionOf(index, s);
    if (!version) continue;
    const bucket = singles.get(version.outlet.id) ?? { outlet: version.outlet, versions: [], of };
    bucket.versions.push(version);
    singles.set(version.outlet.id, bucket);
  }
  return { groups, onlyIn: [...singles.values()] };
}
