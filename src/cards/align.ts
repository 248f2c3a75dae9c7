import type { DatasetIndex } from './dataset-index';
import type { Dataset, Statement } from '../dataset/types';

/** One row of the compare view: a statement of each article, or of one only. */
export interface AlignedRow {
  left: Statement | null;
  right: Statement | null;
  /** Set when both sides report the same words. */
  coverage: string | null;
  similarity: number | null;
}

/**
 * Lays the statements of two articles side by side: statements reporting the same words
 * share a row, the rest keep their article order between them. Linked pairs that would cross
 * (B's order differs from A's) keep A's order; B's unlinked statements follow the B statement
 * they came after.
 */
export function alignArticles(index: DatasetIndex, leftId: string, rightId: string): AlignedRow[] {
  const of = (article: string) => index.dataset.statements.filter((s) => s.article === article);
  const left = of(leftId);
  const right = of(rightId);
  const rightPos = new Map(right.map((s, i) => [s.id, i]));
  const partner = new Map<string, { right: Statement; coverage: string; similarity: number }>();
  for (const s of left) {
    const c = index.coverageOf.get(s.id);
    if (!c) continue;
    const other = c.statements
      .map((id) => index.statements.get(id))
      .find((x) => x?.article === rightId);
    if (other && !partner.has(s.id))
      partner.set(s.id, { right: other, coverage: c.id, similarity: c.similarity });
  }
  const used = new Set<string>();
  const rows: AlignedRow[] = [];
  let nextRight = 0;
  const flushRightUntil = (pos: number) => {
    for (; nextRight < pos; nextRight++) {
      const r = right[nextRight]!;
      if (used.has(r.id)) continue;
      const linkedLater = [...partner.values()].some((p) => p.right.id === r.id);
      if (linkedLater) continue;
      used.add(r.id);
      rows.push({ left: null, right: r, coverage: null, similarity: null });
    }
  };
  for (const s of left) {
    const p = partner.get(s.id);
    if (p && !used.has(p.right.id)) {
      const pos = rightPos.get(p.right.id) ?? 0;
      if (pos >= nextRight) flushRightUntil(pos);
      used.add(p.right.id);
      rows.push({ left: s, right: p.right, coverage: p.coverage, similarity: p.similarity });
      nextRight = Math.max(nextRight, pos + 1);
    } else {
      rows.push({ left: s, right: null, coverage: null, similarity: null });
    }
  }
  flushRightUntil(right.length);
  for (const r of right) {
    if (!used.has(r.id)) rows.push({ left: null, right: r, coverage: null, similarity: null });
  }
  return rows;
}

/**
 * The article most worth setting beside `id` when the reader named only one: the one sharing
 * the most counter-coverage links with it, preferring another outlet; null if there is none.
 */
export function counterpartOf(
  dataset: Pick<Dataset, 'articles' | 'statements' | 'coverage'>,
  id: string,
): string | null {
  const articleOf = new Map(dataset.statements.map((s) => [s.id, s.article]));
  const shared = new Map<string, number>();
  for (const c of dataset.coverage) {
    const articles = new Set(c.statements.map((s) => articleOf.get(s)));
    if (!articles.has(id)) continue;
    for (const a of articles) if (a && a !== id) shared.set(a, (shared.get(a) ?? 0) + 1);
  }
  const outlet = dataset.articles.find((a) => a.id === id)?.outlet;
  let best: string | null = null;
  let bestScore = -1;
  for (const a of dataset.articles) {
    if (a.id === id) continue;
    const score = (shared.get(a.id) ?? 0) * 2 + (a.outlet !== outlet ? 1 : 0);
    if (score > bestScore) {
      best = a.id;
      bestScore = score;
    }
  }
  return best;
}
