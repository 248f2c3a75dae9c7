import type { Mention } from '../matching/types';
import type { MentionMarks } from './highlighter';
import { PlainRun, toBoundaries, type TextBlock } from './text-blocks';

/** A mention found on the page. */
export interface PageMention {
  id: number;
  entity: string;
  kind: 'person' | 'event';
  ambiguous: boolean;
  full: boolean;
  /** Found and counted: not an unconfirmed ambiguous short form. */
  active: boolean;
  /** Marked on the page: every active mention, or in quiet mode the ones `QUIET_SPACING` allows. */
  painted: boolean;
  block: Element;
  range: StaticRange;
  /** The text nodes the mention covers, first to last. */
  nodes: Text[];
}

type StaticRangeClass = typeof StaticRange;

/**
 * A mention as the index keeps it. Its `StaticRange` is made when first read (a mark, hover,
 * the cursor): quiet mode leaves about two in five unmarked, and in Firefox each range a
 * content script makes costs about 6 µs. A getter on the class, not on each object: a getter
 * per object literal made Chromium's garbage collector run slices of 60–140 ms on a 20 MB page.
 */
class IndexedMention implements PageMention {
  active = false;
  painted = false;
  #range: StaticRange | null = null;
  #nodes: Text[] | null = null;
  /** A plain block's run, until the mention is drawn and its nodes listed (`PlainRun`). */
  #run: PlainRun | null = null;
  /** In the run's text until the nodes are listed, then in the first and last node. */
  #start: number;
  #end: number;
  readonly #Range: StaticRangeClass;

  constructor(
    readonly id: number,
    readonly entity: string,
    readonly kind: 'person' | 'event',
    readonly ambiguous: boolean,
    readonly full: boolean,
    readonly block: Element,
    run: TextBlock | PlainRun,
    start: number,
    end: number,
    Range: StaticRangeClass,
  ) {
    this.#start = start;
    this.#end = end;
    this.#Range = Range;
    // Any other run's nodes are listed already: a slice of them is kept, not the run.
    if (run instanceof PlainRun) this.#run = run;
    else this.#locate(run);
  }

  /**
   * From the node it starts in to the one it ends in, listed when the mention is first drawn.
   * Empty when its block changed before that (its rescan replaces it).
   */
  get nodes(): Text[] {
    if (!this.#nodes) {
      const run = this.#run!;
      this.#run = null;
      this.#locate(run.cover(this.#end));
    }
    return this.#nodes!;
  }

  #locate(run: TextBlock | null): void {
    if (!run) {
      this.#nodes = [];
      return;
    }
    const [start, end] = toBoundaries(run, this.#start, this.#end);
    this.#nodes = run.nodes.slice(start.index, end.index + 1);
    // Offsets, not the boundary objects: kept for every mention of a 20 MB page, those made
    // Chromium's garbage collector run slices of over 50 ms.
    this.#start = start.offset;
    this.#end = end.offset;
  }

  get range(): StaticRange {
    if (this.#range) return this.#range;
    const nodes = this.nodes;
    const first = nodes[0];
    // A block changed before its mention was drawn: a collapsed range, which draws nothing.
    this.#range = first
      ? new this.#Range({
          startContainer: first,
          startOffset: this.#start,
          endContainer: nodes.at(-1)!,
          endOffset: this.#end,
        })
      : new this.#Range({
          startContainer: this.block,
          startOffset: 0,
          endContainer: this.block,
          endOffset: 0,
        });
    return this.#range;
  }
}

/**
 * The quiet default: a person (or the event) is marked at the first mention, and again only
 * `QUIET_SPACING` or more blocks (paragraphs, list items, headings) that name someone later,
 * so a political story is not underlined on every other line. Counting only blocks that name
 * someone keeps the rule the same however much other text a page has.
 */
export const QUIET_SPACING = 3;

/**
 * Our own index of the page's mentions, by block and by text node: which are active
 * (ambiguous short forms wait for a full name), which are painted (the quiet default), what
 * the popup counts, where the keyboard cursor goes, and what hit testing looks up. The DOM is
 * never searched for a mention; only ranges are handed to the highlight.
 */
export class MentionIndex {
  /** Active mentions, and how many of them are marked. */
  active = 0;
  marks = 0;
  readonly #byBlock = new Map<Element, PageMention[]>();
  /** By text node, for hit testing: built on the first hover after a change, not per mention. */
  #byNode: Map<Text, PageMention[]> | null = null;
  /** Full-name mentions per entity: its ambiguous short forms count while there is one. */
  readonly #confirmed = new Map<string, number>();
  /** Ambiguous mentions, in the order found: all `resolve` looks at after every slice. */
  readonly #ambiguous = new Set<PageMention>();
  /** Blocks that named someone, in the order first found (document order, appended content last). */
  readonly #blockSeq = new WeakMap<Element, number>();
  #nextSeq = 0;
  /** Per entity, the sequence numbers of blocks holding a mark for it (quiet mode). */
  readonly #markedIn = new Map<string, Set<number>>();
  #nextId = 1;
  readonly #cursor = new Map<string, number>();

  readonly #doc: Document;
  readonly #highlight: MentionMarks;
  #markEvery: boolean;

  constructor(doc: Document, highlight: MentionMarks, markEvery = false) {
    this.#doc = doc;
    this.#highlight = highlight;
    this.#markEvery = markEvery;
  }

  /** Switches between every mention and the quiet default; repaints every block in order. */
  setMarkEvery(every: boolean): void {
    if (every === this.#markEvery) return;
    this.#markEvery = every;
    this.#markedIn.clear();
    const blocks = [...this.#byBlock.keys()].sort((a, b) => this.#seqOf(a) - this.#seqOf(b));
    for (const block of blocks) this.paint(block);
  }

  /**
   * Adds a run's mentions (offsets in `run.text`); `paint` its block once it is all read. A
   * plain block's nodes are listed as its mentions are drawn (`PlainRun`).
   */
  add(run: TextBlock | PlainRun, found: Mention[]): void {
    const View = this.#doc.defaultView as (Window & { StaticRange: StaticRangeClass }) | null;
    const Range = View?.StaticRange ?? StaticRange;
    this.#byNode = null;
    for (const m of found) {
      const mention = new IndexedMention(
        this.#nextId++,
        m.entity,
        m.kind,
        m.ambiguous,
        m.full,
        run.block,
        run,
        m.start,
        m.end,
        Range,
      );
      push(this.#byBlock, run.block, mention);
      if (m.full) this.#confirmed.set(m.entity, (this.#confirmed.get(m.entity) ?? 0) + 1);
      if (m.ambiguous) this.#ambiguous.add(mention);
      else this.#activate(mention);
    }
  }

  /** Forgets a block's mentions (before it is scanned again). */
  clear(block: Element): void {
    const list = this.#byBlock.get(block);
    if (!list) return;
    for (const m of list) this.#forget(m);
    this.#byBlock.delete(block);
    this.#byNode = null;
  }

  /**
   * Forgets mentions in blocks the page removed. One check per block, not per text node: a
   * node removed from a block that stays is a change to that block, which is rescanned.
   */
  dropDisconnected(): void {
    for (const block of [...this.#byBlock.keys()]) if (!block.isConnected) this.clear(block);
  }

  /** Shows ambiguous mentions whose entity the page now names in full, hides the others. */
  resolve(): void {
    const touched = new Set<Element>();
    for (const m of this.#ambiguous) {
      // A count, never below 0: kept while the page names the entity in full.
      const keep = !!this.#confirmed.get(m.entity);
      if (keep === m.active) continue;
      if (keep) this.#activate(m);
      else this.#deactivate(m);
      touched.add(m.block);
    }
    for (const block of touched) this.paint(block);
  }

  /**
   * Decides which of a block's active mentions are marked: all of them, or in quiet mode each
   * entity's first in the block when no block within `QUIET_SPACING` of it holds its mark.
   */
  paint(block: Element): void {
    const list = this.#byBlock.get(block);
    if (!list) return;
    const seq = this.#seqOf(block);
    // This block's own marks must not count against it.
    for (const m of list) if (m.painted) this.#markedIn.get(m.entity)?.delete(seq);
    const want = new Set<PageMention>();
    const seen = new Set<string>();
    for (const m of list) {
      if (!m.active) continue;
      if (!this.#markEvery) {
        if (seen.has(m.entity)) continue;
        seen.add(m.entity);
        const marked = this.#markedIn.get(m.entity);
        if (marked && nearby(marked, seq)) continue;
      }
      // Its block changed before it was drawn: not marked until the block's rescan.
      if (!m.nodes.length) continue;
      want.add(m);
    }
    // Only ranges whose state changes touch the highlight: removing a range from a big
    // Highlight is costly in Firefox, and a repaint must not redo a block's unchanged marks.
    for (const m of list) {
      if (want.has(m)) {
        if (!this.#markEvery) {
          const marked = this.#markedIn.get(m.entity);
          if (marked) marked.add(seq);
          else this.#markedIn.set(m.entity, new Set([seq]));
        }
        if (m.painted) continue;
        m.painted = true;
        this.#byNode = null;
        this.marks++;
        this.#highlight.add(m.range);
      } else if (m.painted) {
        // Its block's marks were taken out of `markedIn` above.
        m.painted = false;
        this.#byNode = null;
        this.marks--;
        this.#highlight.delete(m.range);
      }
    }
  }

  /** Marked mentions, in document order: what the keyboard cursor and "reveal" visit. */
  painted(entity: string | null = null): PageMention[] {
    const all: PageMention[] = [];
    for (const list of this.#byBlock.values()) {
      for (const m of list) if (m.painted && (entity === null || m.entity === entity)) all.push(m);
    }
    return all.sort((a, b) => {
      const [x, y] = [a.range, b.range];
      if (x.startContainer === y.startContainer) return x.startOffset - y.startOffset;
      // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
      return x.startContainer.compareDocumentPosition(y.startContainer) & 4 ? -1 : 1;
    });
  }

  /** The next marked mention (of `entity`, or of anything) after the last one returned, wrapping. */
  next(entity: string | null): PageMention | null {
    const list = this.painted(entity);
    if (list.length === 0) return null;
    const key = entity ?? '';
    const i = ((this.#cursor.get(key) ?? -1) + 1) % list.length;
    this.#cursor.set(key, i);
    return list[i]!;
  }

  /** Marked mentions that cover a text node (hit testing: only marks are hovered). */
  at(node: Text): readonly PageMention[] {
    if (!this.#byNode) {
      this.#byNode = new Map();
      for (const list of this.#byBlock.values())
        for (const m of list) if (m.painted) for (const n of m.nodes) push(this.#byNode, n, m);
    }
    return this.#byNode.get(node) ?? [];
  }

  /**
   * The blocks a mark stands for: its own, then those holding unmarked repeats of its entity up
   * to the entity's next mark, in reading order. The card reads the page's quotations there.
   */
  blocksOf(m: PageMention): Element[] {
    const own = this.#seqOf(m.block);
    const after: [number, Element][] = [];
    let nextMark = Infinity;
    for (const [block, list] of this.#byBlock) {
      const seq = this.#seqOf(block);
      if (seq <= own) continue;
      for (const x of list) {
        if (!x.active || x.entity !== m.entity) continue;
        if (x.painted) nextMark = Math.min(nextMark, seq);
        else after.push([seq, block]);
      }
    }
    const covered = after.filter(([seq]) => seq < nextMark).sort((a, b) => a[0] - b[0]);
    return [m.block, ...new Set(covered.map(([, block]) => block))];
  }

  /** Per-entity counts of every active mention, marked or not (the popup's "on this page"). */
  counts(): { entity: string; kind: 'person' | 'event'; count: number }[] {
    const counts = new Map<string, { entity: string; kind: 'person' | 'event'; count: number }>();
    for (const list of this.#byBlock.values()) {
      for (const m of list) {
        if (!m.active) continue;
        const c = counts.get(m.entity) ?? { entity: m.entity, kind: m.kind, count: 0 };
        c.count++;
        counts.set(m.entity, c);
      }
    }
    return [...counts.values()];
  }

  /** Removes every mark and forgets everything. */
  destroy(): void {
    for (const list of this.#byBlock.values())
      for (const m of list) if (m.painted) this.#highlight.delete(m.range);
    this.#byBlock.clear();
    this.#byNode = null;
    this.#markedIn.clear();
    this.#ambiguous.clear();
  }

  #activate(m: PageMention): void {
    m.active = true;
    this.active++;
  }

  #deactivate(m: PageMention): void {
    m.active = false;
    this.active--;
    this.#unpaint(m);
  }

  #unpaint(m: PageMention): void {
    if (!m.painted) return;
    m.painted = false;
    this.#byNode = null;
    this.marks--;
    this.#highlight.delete(m.range);
    this.#markedIn.get(m.entity)?.delete(this.#seqOf(m.block));
  }

  #forget(m: PageMention): void {
    if (m.active) this.#deactivate(m);
    this.#ambiguous.delete(m);
    if (m.full) this.#confirmed.set(m.entity, (this.#confirmed.get(m.entity) ?? 1) - 1);
  }

  #seqOf(block: Element): number {
    let seq = this.#blockSeq.get(block);
    if (seq === undefined) {
      seq = this.#nextSeq++;
      this.#blockSeq.set(block, seq);
    }
    return seq;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether `marked` holds a block within `QUIET_SPACING` of `seq`, other than `seq` itself. */
function nearby(marked: Set<number>, seq: number): boolean {
  for (let d = 1; d < QUIET_SPACING; d++) {
    if (marked.has(seq - d) || marked.has(seq + d)) return true;
  }
  return false;
}
