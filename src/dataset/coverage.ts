import { wordDiff } from '../diff/word-diff';
import type { Coverage, Statement } from './types';

const STOP = new Set(
  'the a an and or but of to in on at for with by from as is are was were be been being it its this that these those he she they we you i his her their our my your him them us me not no so if then than there here have has had do does did will would can could should may might must also very just about into over after before up out which who whom what when where while because said says'.split(
    ' ',
  ),
);

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Longest common subsequence of two word lists (lengths are small: one statement each). */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/**
 * How likely two statements report the same words, 0..1: the best of the content-word Dice
 * coefficient, their overlap relative to the shorter one, and the in-order word overlap (LCS)
 * relative to the shorter one, which catches two translations of one sentence.
 */
export function statementSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const ca = new Set(wa.filter((w) => w.length > 2 && !STOP.has(w)));
  const cb = new Set(wb.filter((w) => w.length > 2 && !STOP.has(w)));
  let shared = 0;
  for (const w of ca) if (cb.has(w)) shared++;
  if (shared < 2 || Math.min(wa.length, wb.length) < 4) return 0;
  const dice = (2 * shared) / (ca.size + cb.size);
  const overlap = shared / Math.min(ca.size, cb.size);
  const order = lcs(wa, wb) / Math.min(wa.length, wb.length);
  return Math.max(dice, 0.85 * overlap, order);
}

/** Statements link when at least this alike (tuned on the seeds; see docs/dataset.md). */
export const LINK_THRESHOLD = 0.4;

/**
 * Links statements in different articles that report the same utterance: same speaker,
 * similar wording. Candidates are blocked by speaker and by a shared rare word, so the cost
 * grows with the statements per speaker, not with the square of the dataset.
 */
export function linkCoverage(statements: Statement[], onlyInvolving?: Set<string>): Coverage[] {
  const bySpeaker = new Map<string, Statement[]>();
  for (const s of statements) {
    if (!s.speaker) continue;
    const list = bySpeaker.get(s.speaker) ?? [];
    list.push(s);
    bySpeaker.set(s.speaker, list);
  }
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const best = new Map<string, number>();
  const order = new Map(statements.map((s, i) => [s.id, i]));
  for (const list of bySpeaker.values()) {
    // Block on content words: only statements sharing one are compared.
    const byWord = new Map<string, number[]>();
    const content = list.map(
      (s) => new Set(words(s.text).filter((w) => w.length > 3 && !STOP.has(w))),
    );
    content.forEach((set, i) => {
      for (const w of set) {
        const l = byWord.get(w) ?? [];
        l.push(i);
        byWord.set(w, l);
      }
    });
    const tried = new Set<number>();
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (const w of content[i]!) {
        const others = byWord.get(w)!;
        if (others.length > 200) continue;
        for (const j of others) {
          if (j <= i) continue;
          const b = list[j]!;
          if (a.article === b.article) continue;
          if (onlyInvolving && !onlyInvolving.has(a.id) && !onlyInvolving.has(b.id)) continue;
          const key = i * list.length + j;
          if (tried.has(key)) continue;
          tried.add(key);
          const score = statementSimilarity(a.text, b.text);
          if (score < LINK_THRESHOLD) continue;
          for (const s of [a, b]) if (!parent.has(s.id)) parent.set(s.id, s.id);
          const ra = find(a.id);
          const rb = find(b.id);
          const root = order.get(ra)! <= order.get(rb)! ? ra : rb;
          parent.set(ra, root);
          parent.set(rb, root);
          best.set(
            root,
            Math.max(best.get(root) ?? 0, best.get(ra) ?? 0, best.get(rb) ?? 0, score),
          );
        }
      }
    }
  }
  const clusters = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const l = clusters.get(root) ?? [];
    l.push(id);
    clusters.set(root, l);
  }
  const byId = new Map(statements.map((s) => [s.id, s]));
  return [...clusters.entries()]
    .map(([root, ids]) => {
      // Lead with body quotations: they carry the words; headlines and paraphrases follow.
      const rank = (id: string) => {
        const st = byId.get(id)!;
        return (st.kind === 'quote' ? 0 : 2) + (st.paragraph === 0 ? 1 : 0);
      };
      const sorted = ids.sort((x, y) => rank(x) - rank(y) || order.get(x)! - order.get(y)!);
      const first = byId.get(sorted[0]!)!;
      // Diff the first statement against the first one from another article.
      const second = sorted.map((id) => byId.get(id)!).find((s) => s.article !== first.article)!;
      const rest = sorted.filter((id) => id !== first.id && id !== second.id);
      return {
        root,
        statements: [first.id, second.id, ...rest],
        similarity:
          Math.round((best.get(root) ?? statementSimilarity(first.text, second.text)) * 1000) /
          1000,
        diff: wordDiff(first.text, second.text),
      };
    })
    .sort(
      (x, y) =>
        Math.min(...x.statements.map((s) => order.get(s)!)) -
        Math.min(...y.statements.map((s) => order.get(s)!)),
    )
    .map((c) => ({
      id: `c:${c.statements[0]!}`,
      statements: c.statements,
      similarity: c.similarity,
      diff: c.diff,
    }));
}
