import type { Matcher } from '../matching/match';
import type { Mention } from '../matching/types';
import type { MentionMarks } from './highlighter';
import { CandidateFinder } from './candidates';
import { mentionAt } from './hit-test';
import { MentionIndex, type PageMention } from './mention-index';
import { MutationBatcher, type PageChanges, type Timers } from './mutation-batcher';
import {
  collectBlocks,
  ElementClassifier,
  holdsText,
  NOT_PLAIN_SELECTOR,
  ownRuns,
  PlainRun,
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

/**
 * Finds the mentions in blocks of text, where it likes: the content script's asks the
 * background (`scan:match`). Answers to calls made in turn are applied in turn.
 */
export interface BlockMatcher {
  /** See `Matcher.anchors`: the scan's prefilter, run on the page. */
  anchors: Matcher['anchors'];
  /**
   * One list of mentions per text. A rejection is tried once more, after `retryMs`; a second
   * one clears those blocks.
   */
  matchAll(texts: string[]): Promise<Mention[][]>;
}

/** A `Matcher` run in place (tests, tools): answers in a microtask. */
export const matchHere = (matcher: Matcher): BlockMatcher => ({
  anchors: matcher.anchors,
  matchAll: async (texts) => texts.map((t) => matcher.match(t)),
});

/** A block read and sent to be matched; applied if it is still `token`'s reading when the answer comes. */
interface Sent {
  block: Element;
  token: number;
  text: string;
  /** The run, or null for a plain block (its nodes are listed as its mentions are drawn: `PlainRun`). */
  run: TextBlock | null;
}

export interface ScannerOptions {
  matcher: BlockMatcher;
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
  /** How long a failed `matchAll` waits before its one more try, in ms (`RETRY_MS`). */
  retryMs?: number;
  /** How long blocks read wait to be sent while the scan reads on, in ms (`SEND_AFTER_MS`). */
  sendAfterMs?: number;
}

const now = () => performance.now();

/** Characters of text per `matchAll` call, past which the blocks read go in several. */
const MESSAGE_CHARS = 1_000_000;

/** Texts per `matchAll` call: a block's runs, one for a paragraph (`scan:match` allows 20,000). */
const MESSAGE_BLOCKS = 2000;

/**
 * Longest the blocks read wait to be sent while the scan reads on, in ms. They are sent when
 * the reading is done or a message is full: sent after every slice, the background's matching
 * and the answers ran beside the reading, and the Russian 2 MB page's scan took a quarter
 * longer on a two-core machine (`docs/scanning.md`).
 */
const SEND_AFTER_MS = 250;

/**
 * Wait before a failed `matchAll` is tried again. The background refuses a tab's blocks past
 * its budget of characters (4 M a second, `scan:match`'s `volume`): by then a message of about
 * `MESSAGE_CHARS` fits again, unless the messages sent meanwhile took the refill first; one
 * sent at once was refused again. Later answers wait for it (they are applied in order).
 */
const RETRY_MS = 250;

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
  /**
   * Blocks read and not yet sent (`#sendDue`), their characters, and when the first of them
   * was read, and the page's generation then (an answer checks the texts if it changed since).
   */
  #sending: Sent[] = [];
  #sendingChars = 0;
  #sendingSince = 0;
  #sendingGeneration = 0;
  /** Each block's latest reading: an answer to an older one is dropped. */
  readonly #tokens = new WeakMap<Element, number>();
  #token = 0;
  /** Answers applied so far, in the order sent. */
  #applied: Promise<void> = Promise.resolve();
  #started = 0;
  /** Main-thread time spent applying answers. */
  #applyMs = 0;
  /** Waits before a failed message's second try (`#wait`). */
  readonly #waits = new Set<() => void>();
  /** The page's generation (`MutationBatcher`): it changes whenever the page does. */
  readonly #generation = () => this.#batcher.generation;

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
    const started = (this.#started = now());
    const root = this.#doc.body ?? this.#doc.documentElement;
    if (!root) return;
    this.#batcher.start();
    const finder = this.#finder(root);
    const seen = new Set<Element>();
    // The marks appear together when the page is read and matched, or after `HOLD_MS` on a
    // page that takes longer.
    this.#options.highlighter.hold(true);
    const applied = this.#applyMs;
    const spent = await this.#sliced((stop) => {
      finder.next((node, text) => this.#scanFound(node, text, seen), stop);
      return finder.done;
    });
    await this.#applied;
    if (this.#destroyed) return;
    this.#timing.scanMs += spent + this.#applyMs - applied;
    this.#options.highlighter.hold(false);
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
    this.#sending = [];
    // A wait whose timer a torn-down context drops would otherwise never end (nor `start`).
    for (const end of this.#waits) end();
    this.#waits.clear();
    this.#batcher.stop();
    this.#index.destroy();
  }

  /** Resolves after `ms`, or at once when the scanner is destroyed. */
  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        this.#waits.delete(end);
        resolve();
      };
      this.#waits.add(end);
      this.#options.timers.setTimeout(end, ms);
    });
  }

  /**
   * Runs `work` in slices of about `sliceMs`, yielding to the page between them, until it
   * returns true (done); the blocks read are sent to be matched at the end of the slice that
   * finishes, fills a message or has kept them `SEND_AFTER_MS`. A task is one slice, not the
   * whole scan. Returns the main-thread time spent.
   */
  async #sliced(work: (stop: () => boolean) => boolean): Promise<number> {
    let spent = 0;
    for (;;) {
      const slice = now();
      const done = this.#destroyed || work(() => now() - slice > this.#sliceMs);
      if (!this.#destroyed && (done || this.#sendDue())) this.#send();
      spent += this.#took(slice);
      if (done || this.#destroyed) return spent;
      await yieldToPage();
    }
  }

  /** Counts a task of ours that began at `start`; returns its time. */
  #took(start: number): number {
    const took = now() - start;
    this.#timing.slices++;
    if (took > SLOW_SLICE_MS) this.#timing.slowSlices++;
    this.#timing.longestSliceMs = Math.max(this.#timing.longestSliceMs, took);
    return took;
  }

  /** Queues a block's text to be sent (`#send`). */
  #queue(sent: Sent): void {
    if (!this.#sending.length) {
      this.#sendingSince = now();
      this.#sendingGeneration = this.#batcher.generation;
    }
    this.#sending.push(sent);
    this.#sendingChars += sent.text.length;
  }

  /** Whether the blocks read so far fill a message, or have waited long enough. */
  #sendDue(): boolean {
    return (
      this.#sendingChars >= MESSAGE_CHARS ||
      this.#sending.length >= MESSAGE_BLOCKS ||
      (this.#sending.length > 0 &&
        now() - this.#sendingSince >= (this.#options.sendAfterMs ?? SEND_AFTER_MS))
    );
  }

  /**
   * Sends the blocks read without waiting: the scan reads on while they are matched. Answers
   * are applied in the order sent, so the quiet marks follow the document's order.
   */
  #send(): void {
    if (!this.#sending.length) return;
    const generation = this.#sendingGeneration;
    const all = this.#sending;
    this.#sending = [];
    this.#sendingChars = 0;
    // Messages of bounded size: a block's runs stay in one (`#apply` paints per block).
    const chunks: Sent[][] = [];
    let chunk: Sent[] = [];
    let chars = 0;
    for (const s of all) {
      const full = chars >= MESSAGE_CHARS || chunk.length >= MESSAGE_BLOCKS;
      if (full && s.block !== chunk.at(-1)!.block) {
        chunks.push(chunk);
        chunk = [];
        chars = 0;
      }
      chunk.push(s);
      chars += s.text.length;
    }
    if (chunk.length) chunks.push(chunk);
    const retry = this.#options.retryMs ?? RETRY_MS;
    for (const sent of chunks) {
      const texts = sent.map((s) => s.text);
      const { matcher } = this.#options;
      // Tried twice (refused for the tab's budget, a restarted background), a while apart;
      // then its blocks are cleared, not left stale.
      const answer = matcher
        .matchAll(texts)
        .catch(async () => {
          await this.#wait(retry);
          return this.#destroyed ? null : matcher.matchAll(texts);
        })
        .catch(() => null);
      this.#applied = Promise.all([answer, this.#applied])
        .then(async ([found]) => {
          // In slices too: one answer's 1,960 paragraphs made a 62 ms task in Firefox.
          for (let from = 0; from < sent.length && !this.#destroyed;) {
            if (from > 0) await yieldToPage();
            if (!this.#destroyed) from = this.#apply(sent, found, generation, from);
          }
        })
        .catch((error: unknown) => console.warn('Counterpoint: marking failed', error));
    }
  }

  /**
   * Marks an answer's mentions, block by block from `sent[from]`, for about `sliceMs`; a
   * failed answer (null) clears its blocks' old mentions. Returns where the next slice starts.
   */
  #apply(sent: Sent[], found: Mention[][] | null, generation: number, from: number): number {
    const start = now();
    // The page changed since these were read: a block's text must still be what was sent.
    const changed = generation !== this.#batcher.generation;
    let block: Element | null = null;
    let i = from;
    for (; i < sent.length; i++) {
      const s = sent[i]!;
      if (this.#tokens.get(s.block) !== s.token) continue;
      if (s.block !== block) {
        if (block) {
          this.#index.paint(block);
          // Only between blocks: a block is painted once, when all its runs are in.
          if (now() - start > this.#sliceMs) break;
        }
        this.#index.clear((block = s.block));
      }
      const list = found?.[i];
      if (!list?.length || (changed && !unchanged(s))) continue;
      this.#index.add(s.run ?? new PlainRun(s.block, s.text, this.#generation), list);
    }
    if (block && i === sent.length) this.#index.paint(block);
    // Ambiguous mentions change only with new blocks.
    this.#index.resolve();
    if (now() - this.#started > HOLD_MS) this.#options.highlighter.hold(false);
    this.#applyMs += this.#took(start);
    this.#options.onChange();
    return i;
  }

  #finder(root: Node): CandidateFinder {
    // `anchors` uses no `this` (see `pageNames`): one function fewer to compile per page.
    return new CandidateFinder(root, this.#options.matcher.anchors, {
      generation: this.#generation,
    });
  }

  /** Rescans what a batch of page changes touched: changed blocks, then added subtrees. */
  async #rescan({ changed, subtrees, removed }: PageChanges): Promise<void> {
    if (this.#destroyed) return;
    if (removed) this.#index.dropDisconnected();
    const seen = new Set<Element>();
    const pending = [...subtrees];
    let finder: CandidateFinder | null = null;
    const applied = this.#applyMs;
    const spent = await this.#sliced((stop) => {
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
    });
    await this.#applied;
    if (this.#destroyed) return;
    this.#index.resolve();
    this.#options.highlighter.ensure();
    this.#timing.rescans++;
    // The slices and the answers applied since (a first scan's too, if it was still going).
    this.#timing.lastRescanMs = spent + this.#applyMs - applied;
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
      // Its nodes are listed only when a mention in it is drawn (a list of 2,000 links named no one).
      if (block !== node) text = block.textContent!;
      this.#queue({ block, token: this.#startBlock(block, seen), text, run: null });
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

  /** (Re)scans a block whole; its new reading replaces the old one (`#startBlock`). */
  #rescanBlock(block: Element, seen: Set<Element>): void {
    if (!seen.has(block)) this.#scanRuns(block, ownRuns(block, this.#classifier), seen);
  }

  /** Sends a block's runs of text; the answer is painted once per block (`#apply`). */
  #scanRuns(block: Element, runs: TextBlock[], seen: Set<Element>): void {
    const token = this.#startBlock(block, seen);
    // Nothing left to read: its old mentions go now.
    if (!runs.length) this.#index.clear(block);
    for (const run of runs) this.#queue({ block, token, text: run.text, run });
  }

  /** A block is read once per pass; its old mentions go when the new reading's answer comes. */
  #startBlock(block: Element, seen: Set<Element>): number {
    seen.add(block);
    this.#timing.blocks++;
    this.#tokens.set(block, ++this.#token);
    return this.#token;
  }
}

/** Whether a block read earlier still holds the text sent for it. */
function unchanged({ block, text, run }: Sent): boolean {
  if (!run) return holdsText(block, text);
  if (!block.isConnected) return false;
  let at = 0;
  for (const n of run.nodes) {
    if (!block.contains(n) || !text.startsWith(n.data, at)) return false;
    at += n.data.length;
  }
  return at === text.length;
}
