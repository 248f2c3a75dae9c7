import type { DatasetIndex } from './build-card';
import type { Statement } from '../dataset/types';

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
