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
