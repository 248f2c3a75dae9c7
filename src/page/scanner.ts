import type { Matcher } from '../matching/compile';
import type { Highlighter } from './highlighter';
import {
  BlockWalker,
  ElementClassifier,
  OUR_PREFIX,
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
  /** Shown: not an unconfirmed ambiguous short form. */
  active: boolean;
  block: Element;
  range: StaticRange;
  /** The text nodes the mention covers, first to last. */
  nodes: Text[];
}

/** Timings and counts of the scanner's own work, for the bench and tests. */
export interface ScannerStats {
  done: boolean;
  scanMs: number;
  wallMs: number;
  longestSliceMs: number;
  blocks: number;
  mentions: number;
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
  highlighter: Highlighter;
  /** Called after mentions were added or removed (after a scan slice, a batch of changes). */
  onChange(): void;
  timers: Timers;
  /** Work per slice before yielding to the page, in ms. */
  sliceMs?: number;
  /** How long page changes are collected before they are rescanned, in ms. */
  batchMs?: number;
}

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
    blocks: 0,
    mentions: 0,
    rescans: 0,
    lastRescanMs: 0,
  };
  private readonly classifier = new ElementClassifier();
  private readonly byBlock = new Map<Element, PageMention[]>();
  private readonly byNode = new Map<Text, PageMention[]>();
  private readonly confirmed = new Map<string, number>();
  private nextId = 1;
  private observer: MutationObserver | null = null;
  private queue: MutationRecord[] = [];
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
  }

  /** Scans the whole page in slices, then starts watching it. */
  async start(): Promise<void> {
    const started = now();
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return;
    this.observe();
    const walker = new BlockWalker(root, this.classifier);
    while (!walker.done && !this.destroyed) {
      const slice = now();
      const blocks: TextBlock[] = [];
      walker.next(blocks, () => now() - slice > this.sliceMs);
      for (const b of blocks) this.scanBlock(b);
      this.stats.blocks += blocks.length;
      this.resolve();
      const spent = now() - slice;
      this.stats.scanMs += spent;
      this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
      if (blocks.length) this.options.onChange();
      if (!walker.done) await yieldToPage();
    }
    this.stats.wallMs = now() - started;
    this.stats.done = true;
    this.options.onChange();
  }

  /** Active mentions, in document order. */
  mentions(entity: string | null = null): PageMention[] {
    const all: PageMention[] = [];
    for (const list of this.byBlock.values()) {
      for (const m of list) if (m.active && (entity === null || m.entity === entity)) all.push(m);
    }
    return all.sort((a, b) => {
      if (a.nodes[0] === b.nodes[0]) return a.range.startOffset - b.range.startOffset;
      // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
      return a.nodes[0]!.compareDocumentPosition(b.nodes[0]!) & 4 ? -1 : 1;
    });
  }

  /** Per-entity counts of active mentions. */
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

  /** The active mention under viewport point (x, y), or null. Well under 1 ms. */
  mentionAt(x: number, y: number): PageMention | null {
    const pos = caretAt(this.doc, x, y);
    if (!pos || pos.node.nodeType !== TEXT_NODE) return null;
    const list = this.byNode.get(pos.node as Text);
    if (!list) return null;
    for (const m of list) {
      if (!m.active || !contains(m, pos.node as Text, pos.offset)) continue;
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
    this.byNode.clear();
  }

  private observe(): void {
    const target = this.doc.documentElement;
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => {
      for (const r of records) this.queue.push(r);
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
    let longest = 0;
    let slice = now();
    const ownRuns = new Set<Element>();
    const subtrees = new Set<Element>();
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const parent = r.target.parentElement;
        if (parent) ownRuns.add(this.classifier.info(parent).block);
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
      if (inline && target.isConnected) ownRuns.add(this.classifier.info(target).block);
    }
    if (removed) this.dropDisconnected();
    const cleared = new Set<Element>();
    const rescan = (blocks: TextBlock[]) => {
      for (const b of blocks) {
        if (!cleared.has(b.block)) {
          this.clearBlock(b.block);
          cleared.add(b.block);
        }
        this.scanBlock(b);
      }
    };
    for (const block of ownRuns) {
      if (!block.isConnected) continue;
      if (!cleared.has(block)) {
        this.clearBlock(block);
        cleared.add(block);
      }
      rescan(this.ownRuns(block));
    }
    for (const el of subtrees) {
      if (!el.isConnected) continue;
      const walker = new BlockWalker(el, this.classifier);
      while (!walker.done && !this.destroyed) {
        const blocks: TextBlock[] = [];
        walker.next(blocks, () => now() - slice > this.sliceMs);
        rescan(blocks.filter((b) => !ownRuns.has(b.block)));
        if (!walker.done) {
          const took = now() - slice;
          spent += took;
          longest = Math.max(longest, took);
          await yieldToPage();
          slice = now();
        }
      }
    }
    this.resolve();
    const took = now() - slice;
    spent += took;
    longest = Math.max(longest, took);
    this.options.highlighter.ensure();
    this.stats.rescans++;
    this.stats.lastRescanMs = spent;
    // A task is one slice between yields, not the whole rescan.
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, longest);
    this.options.onChange();
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
    for (const m of this.options.matcher.match(block.text)) {
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
    for (const list of this.byBlock.values()) {
      for (const m of list) {
        if (!m.ambiguous) continue;
        const keep = confirmed.has(m.entity);
        if (keep && !m.active) this.activate(m);
        else if (!keep && m.active) this.deactivate(m);
      }
    }
  }

  private activate(m: PageMention): void {
    m.active = true;
    this.stats.mentions++;
    this.options.highlighter.add(m.range);
  }

  private deactivate(m: PageMention): void {
    m.active = false;
    this.stats.mentions--;
    this.options.highlighter.delete(m.range);
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
