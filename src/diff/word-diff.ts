import { diffWordsWithSpace } from 'diff';
import type { DiffPart } from '../dataset/types';

/**
 * Word-level differences between two versions of a statement (jsdiff), as parts the card
 * marks: "same" in both, "removed" only in `a`, "added" only in `b`. Adjacent parts of one
 * kind are merged and whitespace-only changes count as the same.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const c of diffWordsWithSpace(a, b)) {
    const op: DiffPart['op'] = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const last = parts.at(-1);
    if (last && last.op === op) last.text += c.value;
    else parts.push({ op, text: c.value });
  }
  return parts;
}

/**
 * How alike two wordings are, 0..1: the share of words they have in common (Dice
 * coefficient over word multisets, case and punctuation ignored).
 */
export function wordSimilarity(a: string, b: string): number {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  if (wa.length + wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}
