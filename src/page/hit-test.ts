import type { PageMention } from './mention-index';

/**
 * The marked mention under viewport point (x, y), or null: the caret position under the
 * point, then a lookup in our own index (`at`), then a check that the point is on a glyph.
 * Well under 1 ms; `highlightsFromPoint` and looping over ranges' rects were 10-100x slower
 * (docs/performance-notes).
 */
export function mentionAt(
  doc: Document,
  at: (node: Text) => readonly PageMention[],
  x: number,
  y: number,
): PageMention | null {
  const pos = caretAt(doc, x, y);
  if (!pos || pos.node.nodeType !== 3 /* TEXT_NODE */) return null;
  const node = pos.node as Text;
  for (const m of at(node)) {
    if (!m.painted || !contains(m, node, pos.offset)) continue;
    if (pointOnText(doc, node, pos.offset, x, y)) return m;
  }
  return null;
}

function contains(m: PageMention, node: Text, offset: number): boolean {
  const r = m.range;
  if (r.startContainer === node && offset < r.startOffset) return false;
  if (r.endContainer === node && offset > r.endOffset) return false;
  return true;
}

/** The text position under a viewport point, in either browser's API. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Whether the point is on a glyph next to the caret, not in blank space past a line's end. */
function pointOnText(doc: Document, node: Text, offset: number, x: number, y: number): boolean {
  const range = doc.createRange();
  for (const at of [offset, offset - 1]) {
    if (at < 0 || at >= node.length) continue;
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    for (const rect of range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) {
        return true;
      }
    }
  }
  // No `detach()`: it does nothing (DOM standard); the range goes with its last reference.
  return false;
}
