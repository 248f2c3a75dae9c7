import type { Matcher } from '../matching/match';
import type { MentionMarks } from './highlighter';
import { CandidateFinder } from './candidates';
import { mentionAt } from './hit-test';
import { MentionIndex, type PageMention } from './mention-index';
import { MutationBatcher, type PageChanges, type Timers } from './mutation-batcher';
import {
  collectBlocks,
  ElementClassifier,
  NOT_PLAIN_SELECTOR,
  ownRuns,
  plainBlock,
  type TextBlock,
} from './text-blocks';

export type { PageMention } from './mention-index';
export { QUIET_SPACING } from './mention-index';
export type { Timers } from './mutation-batcher';

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

const now = () => performance.now();

/** Longest a first scan keeps its marks back (`MentionMarks.hold`), in ms from its start. */
const HOLD_MS = 1000;

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
 * page, then keeps up with the page's changes (`MutationBatcher`), rescanning only the blocks
 * whose text changed. What it finds goes into a `MentionIndex`; this class decides what to
 * read, when, and in which slice.
 */
export class PageScanner {
  readonly #timing = {
    done: false,
    scanMs: 0,
    wallMs: 0,
    longestSliceMs: 0,
    slices: 0,
    slowSlices: 0,
    blocks: 0,
    rescans: 0,
    lastRescanMs: 0,
  };
  readonly #classifier = new ElementClassifier();
  readonly #index: MentionIndex;
  readonly #batcher: MutationBatcher;
  #destroyed = false;
  readonly #sliceMs: number;

  readonly #doc: Document;
  readonly #options: ScannerOptions;

  constructor(doc: Document, options: ScannerOptions) {
    this.#doc = doc;
    this.#options = options;
    this.#sliceMs = options.sliceMs ?? 8;
    this.#index = new MentionIndex(doc, options.highlighter, options.markEvery ?? false);
    this.#batcher = new MutationBatcher(
      doc,
      this.#classifier,
      options.timers,
      options.batchMs ?? 100,
      (changes) => void this.#rescan(changes),
    );
  }

  get stats(): ScannerStats {
    return { ...this.#timing, mentions: this.#index.active, marks: this.#index.marks };
  }

  /** Switches between every mention and the quiet default; repaints at once. */
  setMarkEvery(every: boolean): void {
    this.#index.setMarkEvery(every);
    this.#options.highlighter.ensure();
    this.#options.onChange();
  }

  /** Scans the whole page in slices, then starts watching it. */
  async start(): Promise<void> {
    const started = now();
    const root = this.#doc.body ?? this.#doc.documentElement;
    if (!root) return;
    this.#batcher.start();
    const finder = this.#finder(root);
    const seen = new Set<Element>();
    let blocks = 0;
    // The marks appear together when the page is read (one slice, on most pages), or after
    // `HOLD_MS` on a page that takes longer.
    this.#options.highlighter.hold(true);
    this.#timing.scanMs += await this.#sliced(
      (stop) => {
        finder.next((node, text) => this.#scanFound(node, text, seen), stop);
        return finder.done;
      },
      (done) => {
        // Ambiguous mentions change only with new blocks: most pages scan none.
        if (this.#timing.blocks > blocks) {
          this.#index.resolve();
          this.#options.onChange();
        }
        if (done || now() - started > HOLD_MS) this.#options.highlighter.hold(false);
        blocks = this.#timing.blocks;
      },
    );
    this.#timing.wallMs = now() - started;
    this.#timing.done = true;
    this.#options.onChange();
  }

  /** Marked mentions, in document order: what the keyboard cursor and "reveal" visit. */
  mentions(entity: string | null = null): PageMention[] {
    return this.#index.painted(entity);
  }

  /** See `MentionIndex.blocksOf`. */
  blocksOf(m: PageMention): Element[] {
    return this.#index.blocksOf(m);
  }

  /** Per-entity counts of every mention found, marked or not (the popup's "on this page"). */
  counts(): { entity: string; kind: 'person' | 'event'; count: number }[] {
    return this.#index.counts();
  }

  /** The next mention (of `entity`, or of anything) after the last one returned, wrapping. */
  next(entity: string | null): PageMention | null {
    return this.#index.next(entity);
  }

  /** The marked mention under viewport point (x, y), or null. */
  mentionAt(x: number, y: number): PageMention | null {
    return mentionAt(this.#doc, (node) => this.#index.at(node), x, y);
  }

  /** Stops watching and removes every highlight. */
  destroy(): void {
    this.#destroyed = true;
    this.#batcher.stop();
    this.#index.destroy();
  }

  /**
   * Runs `work` in slices of about `sliceMs`, yielding to the page between them, until it
   * returns true (done); `endSlice` runs at the end of each slice, within its time. A task is
   * one slice, not the whole scan. Returns the main-thread time spent.
   */
  async #sliced(
    work: (stop: () => boolean) => boolean,
    endSlice: (done: boolean) => void,
  ): Promise<number> {
    let spent = 0;
    for (;;) {
      const slice = now();
      const done = this.#destroyed || work(() => now() - slice > this.#sliceMs);
      endSlice(done);
      const took = now() - slice;
      spent += took;
      this.#timing.slices++;
      if (took > SLOW_SLICE_MS) this.#timing.slowSlices++;
      this.#timing.longestSliceMs = Math.max(this.#timing.longestSliceMs, took);
      if (done || this.#destroyed) return spent;
      await yieldToPage();
    }
  }

  #finder(root: Node): CandidateFinder {
    // `anchors` uses no `this` (see `buildMatcher`): one function fewer to compile per page.
    return new CandidateFinder(root, this.#options.matcher.anchors, {
      generation: () => this.#batcher.generation,
    });
  }

  /** Rescans what a batch of page changes touched: changed blocks, then added subtrees. */
  async #rescan({ changed, subtrees, removed }: PageChanges): Promise<void> {
    if (this.#destroyed) return;
    if (removed) this.#index.dropDisconnected();
    const seen = new Set<Element>();
    const pending = [...subtrees];
    let finder: CandidateFinder | null = null;
    const spent = await this.#sliced(
      (stop) => {
        for (const block of changed) if (block.isConnected) this.#rescanBlock(block, seen);
        changed.clear();
        for (;;) {
          if (!finder || finder.done) {
            const el = pending.shift();
            if (!el) return true;
            if (!el.isConnected) continue;
            finder = this.#finder(el);
          }
          finder.next((node, text) => this.#scanFound(node, text, seen), stop);
          if (!finder.done) return false;
        }
      },
      (done) => {
        if (done) this.#index.resolve();
      },
    );
    this.#options.highlighter.ensure();
    this.#timing.rescans++;
    this.#timing.lastRescanMs = spent;
    this.#options.onChange();
  }

  /** Scans what the finder reported, once per pass (`seen`). */
  #scanFound(node: Text | Element, text: string, seen: Set<Element>): void {
    const el = node as Element;
    // A text node or an inline element stands for its block (a long one the finder split).
    const isText = node.nodeType === 3; /* TEXT_NODE */
    const host = isText ? node.parentElement : el;
    if (!host) return;
    const info = this.#classifier.info(host);
    if (isText && info.skip) return;
    // An element's own block is itself when it is one (`ElementClassifier.info`).
    const block = info.block;
    if (
      !seen.has(block) &&
      block.querySelector(NOT_PLAIN_SELECTOR) === null &&
      !this.#classifier.info(block).skip
    ) {
      // A plain block (a paragraph): its text is the text the finder read, or its whole text.
      // Its nodes are only listed when a name matched (a list of 2,000 links named no one).
      if (block !== node) text = block.textContent!;
      this.#startBlock(block, seen);
      const found = this.#options.matcher.match(text);
      if (found.length) {
        let until = 0;
        for (const m of found) until = Math.max(until, m.end);
        this.#index.add(plainBlock(block, text, until), found);
        this.#index.paint(block);
      }
      return;
    }
    if (isText) return this.#rescanBlock(block, seen);
    const runs = collectBlocks(el, this.#classifier);
    const byBlock = new Map<Element, TextBlock[]>();
    for (const run of runs) {
      const list = byBlock.get(run.block);
      if (list) list.push(run);
      else byBlock.set(run.block, [run]);
    }
    for (const [block, list] of byBlock) {
      if (seen.has(block)) continue;
      // A block around `el` has text outside it: read that block whole.
      if (el.contains(block)) this.#scanRuns(block, list, seen);
      else this.#rescanBlock(block, seen);
    }
  }

  /** (Re)scans a block whole; clearing first makes a second scan of it harmless. */
  #rescanBlock(block: Element, seen: Set<Element>): void {
    if (!seen.has(block)) this.#scanRuns(block, ownRuns(block, this.#classifier), seen);
  }

  /** Scans a block's runs of text, then paints it once: per run would be quadratic. */
  #scanRuns(block: Element, runs: TextBlock[], seen: Set<Element>): void {
    this.#startBlock(block, seen);
    for (const run of runs) {
      const found = this.#options.matcher.match(run.text);
      if (found.length) this.#index.add(run, found);
    }
    this.#index.paint(block);
  }

  /** A block is read once per pass, its old mentions forgotten first. */
  #startBlock(block: Element, seen: Set<Element>): void {
    seen.add(block);
    this.#index.clear(block);
    this.#timing.blocks++;
  }
}
