import { parseHTML } from 'linkedom';
import type { MentionMarks } from '../../../src/page/highlighter';

/** A linkedom document with what it lacks for the scanner's parts (StaticRange). */
export function pageOf(body: string): Document {
  const { document, window } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  (window as unknown as { StaticRange: unknown }).StaticRange = class {
    startContainer: Node;
    startOffset: number;
    endContainer: Node;
    endOffset: number;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
  };
  return document as unknown as Document;
}

/** Marks kept in a set, as the highlight would hold them. */
export class RecordedMarks implements MentionMarks {
  readonly ranges = new Set<AbstractRange>();
  ensured = 0;
  add(range: AbstractRange): void {
    this.ranges.add(range);
  }
  delete(range: AbstractRange): void {
    this.ranges.delete(range);
  }
  ensure(): boolean {
    this.ensured++;
    return false;
  }
  /** Whether marks are held back (`MentionMarks.hold`). */
  held = false;
  hold(held: boolean): void {
    this.held = held;
  }
  /** The marked text, in the order marked. */
  texts(): string[] {
    return [...this.ranges].map((r) => {
      const node = r.startContainer as Text;
      return r.startContainer === r.endContainer
        ? node.data.slice(r.startOffset, r.endOffset)
        : `${node.data.slice(r.startOffset)}…`;
    });
  }
}
