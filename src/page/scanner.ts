import type { Matcher } from '../matching/match';
import type { Mention } from '../matching/types';
import type { MentionMarks } from './highlighter';
import { CandidateFinder } from './candidates';
import {
  BlockWalker,
  ElementClassifier,
  NOT_PLAIN_SELECTOR,
  OUR_PREFIX,
  isBlockElement,
  toBoundaries,
  type TextBlock,
} from './text-blocks';

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

/**
 * A slice longer than this is a long task for the page (the Long Tasks API's 50 ms). The
 * scanner aims far below it (`sliceMs`); a slice can still run over when the machine is busy
 * or a garbage collection lands in it, so tests count slow slices rather than trust one.
 */
export const SLOW_SLICE_MS = 50;

/** Timings and counts of the scanner's own work, for the bench and tests. */
export interface ScannerStats {
  done: boolean;
  scanMs: number;
  wallMs: number;
  longestSliceMs: number;
  /** Slices of work run so far, and how many of them took longer than `SLOW_SLICE_MS`. */
  slices: number;
  slowSlices: number;
  blocks: number;
  mentions: number;
  /** Mentions marked on the page (fewer than `mentions` in quiet mode). */
  marks: number;
  rescans: number;
  lastRescanMs: number;
}

/** Timers the scanner may use; pass WXT's `ctx` so they die with the content script. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface ScannerOptions {
  matcher: Matcher;
  highlighter: MentionMarks;
  /** Called after mentions were added or removed (after a scan slice, a batch of changes). */
  onChange(): void;
  timers: Timers;
  /** Work per slice before yielding to the page, in ms. */
  sliceMs?: number;
  /** How long page changes are collected before they are rescanned, in ms. */
  batchMs?: number;
  /** Mark every mention instead of the quiet default (see `QUIET_SPACING`). */
  markEvery?: boolean;
}

/**
 * The quiet default: a person (or the event) is marked at the first mention, and again only
 * `QUIET_SPACING` or more blocks (paragraphs, list items, headings) that name someone later,
 * so a political story is not underlined on every other line. Counting only blocks that name
 * someone keeps the rule the same however much other text a page has.
 */
export const QUIET_SPACING = 3;

const now = () => performance.now();
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Yields to the page between slices without setTimeout's 4 ms clamp. */
function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Finds and highlights every mention on a page, in slices of a few ms so no task blocks the
 * page, then keeps up with the page's changes: one MutationObserver, batched, rescanning only
 * the blocks whose text changed. Holds our own index of mentions for hit testing.
 */
export class PageScanner {
  readonly stats: ScannerStats = {
    done: false,
    scanMs: 0,
    wallMs: 0,
    longestSliceMs: 0,
    slices: 0,
    slowSlices: 0,
    blocks: 0,
    mentions: 0,
    marks: 0,
    rescans: 0,
    lastRescanMs: 0,
  };
  private readonly classifier = new ElementClassifier();
  private readonly byBlock = new Map<Element, PageMention[]>();
  private readonly byNode = new Map<Text, PageMention[]>();
  private readonly confirmed = new Map<string, number>();
  /** Blocks that named someone, in the order first found (document order, appended content last). */
  private readonly blockSeq = new WeakMap<Element, number>();
  private nextSeq = 0;
  /** Per entity, the sequence numbers of blocks holding a mark for it (quiet mode). */
  private readonly markedIn = new Map<string, Set<number>>();
  private markEvery: boolean;
  private nextId = 1;
  private observer: MutationObserver | null = null;
  private queue: MutationRecord[] = [];
  /** Mutation records seen so far: tells the finder whether texts it read are still true. */
  private generation = 0;
  private batchTimer: number | null = null;
  private destroyed = false;
  private cursor = new Map<string, number>();
  private readonly sliceMs: number;
  private readonly batchMs: number;

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {
    this.sliceMs = options.sliceMs ?? 8;
    this.batchMs = options.batchMs ?? 100;
    this.markEvery = options.markEvery ?? false;
  }

  /** Switches between every mention and the quiet default; repaints at once. */
  setMarkEvery(every: boolean): void {
    if (every === this.markEvery) return;
    this.markEvery = every;
    this.markedIn.clear();
    const blocks = [...this.byBlock.keys()].sort((a, b) => this.seqOf(a) - this.seqOf(b));
    for (const block of blocks) this.paintBlock(block);
    this.options.highlighter.ensure();
    this.options.onChange();
  }

  /** Scans the whole page in slices, then starts watching it. */
  async start(): Promise<void> {
    const started = now();
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return;
    this.observe();
    const finder = this.finder(root);
    const seen = new Set<Element>();
    while (!finder.done && !this.destroyed) {
      const slice = now();
      const before = this.stats.blocks;
      finder.next(
        (node, text) => this.scanFound(node, text, seen),
        () => now() - slice > this.sliceMs,
      );
      this.resolve();
      const spent = now() - slice;
      this.stats.scanMs += spent;
      this.countSlice(spent);
      if (this.stats.blocks > before) this.options.onChange();
      if (!finder.done) await yieldToPage();
    }
    this.stats.wallMs = now() - started;
    this.stats.done = true;
    this.options.onChange();
  }

  private finder(root: Node): CandidateFinder {
    return new CandidateFinder(root, (text) => this.options.matcher.anchors(text), {
      generation: () => this.generation,
    });
  }

  /** Scans what the finder reported, once per pass (`seen`). */
  private scanFound(node: Text | Element, text: string, seen: Set<Element>): void {
    if (node.nodeType === TEXT_NODE) {
      const parent = node.parentElement;
      if (!parent) return;
      const info = this.classifier.info(parent);
      if (!info.skip) this.rescanBlock(info.block, seen);
      return;
    }
    const el = node as Element;
    if (
      !seen.has(el) &&
      isBlockElement(el) &&
      el.querySelector(NOT_PLAIN_SELECTOR) === null &&
      !this.classifier.info(el).skip
    ) {
      // A plain block (a paragraph): its text is the text the finder read. Its nodes are
      // only listed when a name matched.
      seen.add(el);
      this.clearBlock(el);
      this.stats.blocks++;
      const found = this.options.matcher.match(text);
      if (found.length) {
        this.addMentions(plainBlock(el, text), found);
        this.paintBlock(el);
      }
      return;
    }
    const runs: TextBlock[] = [];
    new BlockWalker(el, this.classifier).next(runs, () => false);
    const byBlock = new Map<Element, TextBlock[]>();
    for (const run of runs) {
      const list = byBlock.get(run.block);
      if (list) list.push(run);
      else byBlock.set(run.block, [run]);
    }
    for (const [block, list] of byBlock) {
      if (seen.has(block)) continue;
      // A block around `el` has text outside it: read that block whole.
      if (!el.contains(block)) {
        this.rescanBlock(block, seen);
        continue;
      }
      seen.add(block);
      this.clearBlock(block);
      this.stats.blocks++;
      for (const run of list) this.scanBlock(run);
      // Painted once the whole block is read: per run would be quadratic in a block of many runs.
      this.paintBlock(block);
    }
  }

  /** (Re)scans a block whole; clearing first makes a second scan of it harmless. */
  private rescanBlock(block: Element, seen: Set<Element>): void {
    if (seen.has(block)) return;
    seen.add(block);
    this.clearBlock(block);
    this.stats.blocks++;
    for (const run of this.ownRuns(block)) this.scanBlock(run);
    this.paintBlock(block);
  }

  /** Marked mentions, in document order: what the keyboard cursor and "reveal" visit. */
  mentions(entity: string | null = null): PageMention[] {
    const all: PageMention[] = [];
    for (const list of this.byBlock.values()) {
      for (const m of list) if (m.painted && (entity === null || m.entity === entity)) all.push(m);
    }
    return all.sort((a, b) => {
      if (a.nodes[0] === b.nodes[0]) return a.range.startOffset - b.range.startOffset;
      // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
      return a.nodes[0]!.compareDocumentPosition(b.nodes[0]!) & 4 ? -1 : 1;
    });
  }

  /**
   * The blocks a mark stands for: its own, then those holding unmarked repeats of its entity up
   * to the entity's next mark, in reading order. The card reads the page's quotations there.
   */
  blocksOf(m: PageMention): Element[] {
    const own = this.seqOf(m.block);
    const after: [number, Element][] = [];
    let nextMark = Infinity;
    for (const [block, list] of this.byBlock) {
      const seq = this.seqOf(block);
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

  /** Per-entity counts of every mention found, marked or not (the popup's "on this page"). */
  counts(): { entity: string; kind: 'person' | 'event'; count: number }[] {
    const counts = new Map<string, { entity: string; kind: 'person' | 'event'; count: number }>();
    for (const list of this.byBlock.values()) {
      for (const m of list) {
        if (!m.active) continue;
        const c = counts.get(m.entity) ?? { entity: m.entity, kind: m.kind, count: 0 };
        c.count++;
        counts.set(m.entity, c);
      }
    }
    return [...counts.values()];
  }

  /** The next mention (of `entity`, or of anything) after the last one returned, wrapping. */
  next(entity: string | null): PageMention | null {
    const list = this.mentions(entity);
    if (list.length === 0) return null;
    const key = entity ?? '';
    const i = ((this.cursor.get(key) ?? -1) + 1) % list.length;
    this.cursor.set(key, i);
    return list[i]!;
  }

  /** The marked mention under viewport point (x, y), or null. Well under 1 ms. */
  mentionAt(x: number, y: number): PageMention | null {
    const pos = caretAt(this.doc, x, y);
    if (!pos || pos.node.nodeType !== TEXT_NODE) return null;
    const list = this.byNode.get(pos.node as Text);
    if (!list) return null;
    for (const m of list) {
      if (!m.painted || !contains(m, pos.node as Text, pos.offset)) continue;
      if (pointOnText(this.doc, pos.node as Text, pos.offset, x, y)) return m;
    }
    return null;
  }

  /** Stops watching and removes every highlight. */
  destroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.batchTimer !== null) this.options.timers.clearTimeout(this.batchTimer);
    for (const list of this.byBlock.values())
      for (const m of list) this.options.highlighter.delete(m.range);
    this.byBlock.clear();
    this.markedIn.clear();
    this.byNode.clear();
  }

  private observe(): void {
    const target = this.doc.documentElement;
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => {
      for (const r of records) this.queue.push(r);
      this.generation += records.length;
      if (this.batchTimer === null) {
        this.batchTimer = this.options.timers.setTimeout(() => void this.flush(), this.batchMs);
      }
    });
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  /** Rescans what a batch of page changes touched. */
  private async flush(): Promise<void> {
    this.batchTimer = null;
    if (this.destroyed) return;
    const records = this.queue;
    this.queue = [];
    let spent = 0;
    let slice = now();
    const changed = new Set<Element>();
    const subtrees = new Set<Element>();
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const parent = r.target.parentElement;
        if (parent) changed.add(this.classifier.info(parent).block);
        continue;
      }
      const target = r.target as Element;
      if (target.nodeType !== ELEMENT_NODE || isOurs(target)) continue;
      if (r.removedNodes.length) removed = true;
      let inline = r.removedNodes.length > 0;
      for (const n of r.addedNodes) {
        if (n.nodeType === ELEMENT_NODE) {
          if (isOurs(n as Element)) continue;
          subtrees.add(n as Element);
          if (!this.classifier.isBlock(n as Element)) inline = true;
        } else if (n.nodeType === TEXT_NODE) inline = true;
      }
      if (inline && target.isConnected) changed.add(this.classifier.info(target).block);
    }
    if (removed) this.dropDisconnected();
    const seen = new Set<Element>();
    for (const block of changed) if (block.isConnected) this.rescanBlock(block, seen);
    for (const el of subtrees) {
      if (!el.isConnected) continue;
      const finder = this.finder(el);
      while (!finder.done && !this.destroyed) {
        finder.next(
          (node, text) => this.scanFound(node, text, seen),
          () => now() - slice > this.sliceMs,
        );
        if (!finder.done) {
          const took = now() - slice;
          spent += took;
          this.countSlice(took);
          await yieldToPage();
          slice = now();
        }
      }
    }
    this.resolve();
    const took = now() - slice;
    spent += took;
    this.countSlice(took);
    this.options.highlighter.ensure();
    this.stats.rescans++;
    this.stats.lastRescanMs = spent;
    this.options.onChange();
  }

  /** A task is one slice between yields, not the whole scan or rescan. */
  private countSlice(ms: number): void {
    this.stats.slices++;
    if (ms > SLOW_SLICE_MS) this.stats.slowSlices++;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
  }

  /** The runs of text whose nearest block is `block` (nested blocks are not read). */
  private ownRuns(block: Element): TextBlock[] {
    const out: TextBlock[] = [];
    let run: TextBlock | null = null;
    const visit = (node: Node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === TEXT_NODE) {
          run ??= { block, nodes: [], starts: [], text: '' };
          run.starts.push(run.text.length);
          run.nodes.push(c as Text);
          run.text += (c as Text).data;
        } else if (c.nodeType === ELEMENT_NODE) {
          const info = this.classifier.info(c as Element);
          if (info.skip) continue;
          if (info.block !== block) {
            if (run) out.push(run);
            run = null;
            continue;
          }
          visit(c);
        }
      }
    };
    if (!this.classifier.info(block).skip) visit(block);
    if (run) out.push(run);
    return out.filter((r) => r.text.trim() !== '');
  }

  private scanBlock(block: TextBlock): void {
    const found = this.options.matcher.match(block.text);
    if (found.length) this.addMentions(block, found);
  }

  private addMentions(block: TextBlock, found: Mention[]): void {
    for (const m of found) {
      const [start, end] = toBoundaries(block, m.start, m.end);
      const first = block.nodes.indexOf(start.node);
      const last = block.nodes.indexOf(end.node, first);
      const View = this.doc.defaultView as (Window & { StaticRange: typeof StaticRange }) | null;
      const range = new (View?.StaticRange ?? StaticRange)({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      const mention: PageMention = {
        id: this.nextId++,
        entity: m.entity,
        kind: m.kind,
        ambiguous: m.ambiguous,
        full: m.full,
        active: false,
        painted: false,
        block: block.block,
        range,
        nodes: block.nodes.slice(first, last + 1),
      };
      const list = this.byBlock.get(block.block);
      if (list) list.push(mention);
      else this.byBlock.set(block.block, [mention]);
      for (const n of mention.nodes) {
        const at = this.byNode.get(n);
        if (at) at.push(mention);
        else this.byNode.set(n, [mention]);
      }
      if (m.full) this.confirmed.set(m.entity, (this.confirmed.get(m.entity) ?? 0) + 1);
      if (!m.ambiguous) this.activate(mention);
    }
  }

  /** Shows ambiguous mentions whose entity the page now names in full, hides the others. */
  private resolve(): void {
    const confirmed = new Set([...this.confirmed].filter(([, n]) => n > 0).map(([e]) => e));
    const touched = new Set<Element>();
    for (const [block, list] of this.byBlock) {
      for (const m of list) {
        if (!m.ambiguous) continue;
        const keep = confirmed.has(m.entity);
        if (keep === m.active) continue;
        if (keep) this.activate(m);
        else this.deactivate(m);
        touched.add(block);
      }
    }
    for (const block of touched) this.paintBlock(block);
  }

  private activate(m: PageMention): void {
    m.active = true;
    this.stats.mentions++;
  }

  private deactivate(m: PageMention): void {
    m.active = false;
    this.stats.mentions--;
    this.unpaint(m);
  }

  private seqOf(block: Element): number {
    let seq = this.blockSeq.get(block);
    if (seq === undefined) {
      seq = this.nextSeq++;
      this.blockSeq.set(block, seq);
    }
    return seq;
  }

  /**
   * Decides which of a block's active mentions are marked: all of them, or in quiet mode each
   * entity's first in the block when no block within `QUIET_SPACING` of it holds its mark.
   */
  private paintBlock(block: Element): void {
    const list = this.byBlock.get(block);
    if (!list) return;
    const seq = this.seqOf(block);
    // This block's own marks must not count against it.
    for (const m of list) if (m.painted) this.markedIn.get(m.entity)?.delete(seq);
    const want = new Set<PageMention>();
    const seen = new Set<string>();
    for (const m of list) {
      if (!m.active) continue;
      if (!this.markEvery) {
        if (seen.has(m.entity)) continue;
        seen.add(m.entity);
        const marked = this.markedIn.get(m.entity);
        if (marked && nearby(marked, seq)) continue;
      }
      want.add(m);
    }
    // Only ranges whose state changes touch the highlight: removing a range from a big
    // Highlight is costly in Firefox, and a repaint must not redo a block's unchanged marks.
    for (const m of list) {
      if (want.has(m)) {
        if (!this.markEvery) {
          const marked = this.markedIn.get(m.entity);
          if (marked) marked.add(seq);
          else this.markedIn.set(m.entity, new Set([seq]));
        }
        if (m.painted) continue;
        m.painted = true;
        this.stats.marks++;
        this.options.highlighter.add(m.range);
      } else if (m.painted) {
        m.painted = false;
        this.stats.marks--;
        this.options.highlighter.delete(m.range);
      }
    }
  }

  private unpaint(m: PageMention): void {
    if (!m.painted) return;
    m.painted = false;
    this.stats.marks--;
    this.options.highlighter.delete(m.range);
    this.markedIn.get(m.entity)?.delete(this.seqOf(m.block));
  }

  private forget(m: PageMention): void {
    if (m.active) this.deactivate(m);
    if (m.full) this.confirmed.set(m.entity, (this.confirmed.get(m.entity) ?? 1) - 1);
    for (const n of m.nodes) {
      const at = this.byNode.get(n);
      if (!at) continue;
      const rest = at.filter((x) => x !== m);
      if (rest.length) this.byNode.set(n, rest);
      else this.byNode.delete(n);
    }
  }

  private clearBlock(block: Element): void {
    const list = this.byBlock.get(block);
    if (!list) return;
    for (const m of list) this.forget(m);
    this.byBlock.delete(block);
  }

  /**
   * Forgets mentions in blocks the page removed. One check per block, not per text node: a
   * node removed from a block that stays is a change to that block, which is rescanned.
   */
  private dropDisconnected(): void {
    for (const [block, list] of this.byBlock) {
      if (block.isConnected) continue;
      for (const m of list) this.forget(m);
      this.byBlock.delete(block);
    }
  }
}

/** A plain block's text nodes and where each starts in `text` (its textContent). */
function plainBlock(block: Element, text: string): TextBlock {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    nodes.push(n);
    starts.push(at);
    at += n.length;
  }
  return { block, nodes, starts, text };
}

const isOurs = (el: Element) => el.tagName.toUpperCase().startsWith(OUR_PREFIX);

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
        range.detach();
        return true;
      }
    }
  }
  range.detach();
  return false;
}

/** Whether `marked` holds a block within `QUIET_SPACING` of `seq`, other than `seq` itself. */
function nearby(marked: Set<number>, seq: number): boolean {
  for (let d = 1; d < QUIET_SPACING; d++) {
    if (marked.has(seq - d) || marked.has(seq + d)) return true;
  }
  return false;
}
