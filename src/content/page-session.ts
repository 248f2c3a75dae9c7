import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageNames, type PageNames, type PreparedNames } from '../matching/match';
import { Highlighter, UnpaintedMarks, type MentionMarks } from '../page/highlighter';
import { PageScanner, type BlockMatcher, type PageMention } from '../page/scanner';
import type { CardSnapshot, MentionCount, ScanStats } from '../shared/protocol';
import { sendToBackground } from '../shared/messaging';
import type { CardTarget } from './card/card-controller';
import { LazyCard } from './card/lazy-card';

export interface SessionOptions {
  /** Bundled names: painted in `CSS.highlights`. */
  matcher: PreparedNames;
  /** People only the reader's library knows: found, never painted (see README, security). */
  library: PreparedNames | null;
  /** Entities the reader chose not to mark. */
  hidden: readonly string[];
  highlightName: string;
  hoverDelay: number;
  /** Mark every mention, not the quiet default. */
  markEvery: boolean;
}

/** The card's delays for a hover delay of `ms`. */
const timings = (ms: number) => ({ fetchDelay: Math.min(150, ms), showDelay: ms, hideDelay: 300 });

/** Longest page text sent along to find which statement the page itself quotes. */
const CONTEXT_LIMIT = 4000;

/**
 * Counterpoint running on one page: scanner, highlights, hover card and pointer tracking.
 * Created when the site is on, destroyed (everything removed) when it is switched off.
 */
export class PageSession {
  readonly #abort = new AbortController();
  readonly #highlighter: Highlighter;
  readonly #matcher: PageNames;
  readonly #scanner: PageScanner;
  /** The scan for library-only people, after the bundled one; null when there are none. */
  readonly #libraryScan: { matcher: PageNames; scanner: PageScanner } | null = null;
  readonly #card: LazyCard;
  #reportTimer: number | null = null;
  #pointer: { x: number; y: number } | null = null;
  #frame: number | null = null;
  #lastReported = '';
  #reporting: Promise<void> = Promise.resolve();
  readonly #setupMs: number;
  readonly #startedAt: number;

  readonly #ctx: ContentScriptContext;

  constructor(ctx: ContentScriptContext, options: SessionOptions) {
    this.#ctx = ctx;
    const signal = this.#abort.signal;
    ctx.signal.addEventListener('abort', () => this.destroy(), { signal });
    const started = (this.#startedAt = performance.now());
    this.#matcher = pageNames(options.matcher);
    this.#highlighter = new Highlighter(document);
    this.#highlighter.setName(options.highlightName);
    this.#setupMs = performance.now() - started;
    const hidden = new Set(options.hidden);
    // Blocks are matched in the background; entities the reader hid are dropped here.
    const remote = (names: PageNames, library: boolean): BlockMatcher => ({
      anchors: names.anchors,
      matchAll: async (texts) => {
        const all = await sendToBackground('scan:match', { library, texts });
        return hidden.size ? all.map((found) => found.filter((m) => !hidden.has(m.entity))) : all;
      },
    });
    const scanner = (names: PageNames, highlighter: MentionMarks, library: boolean) =>
      new PageScanner(document, {
        matcher: remote(names, library),
        highlighter,
        onChange: () => this.#scheduleReport(),
        // Which mentions hover and the shortcut reach follows the same rule as the painted ones.
        markEvery: options.markEvery,
        timers: {
          setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
          clearTimeout: (id) => clearTimeout(id),
        },
      });
    this.#scanner = scanner(this.#matcher, this.#highlighter, false);
    if (options.library) {
      const matcher = pageNames(options.library);
      this.#libraryScan = { matcher, scanner: scanner(matcher, new UnpaintedMarks(), true) };
    }
    this.#card = new LazyCard(
      ctx,
      {
        loadCard: async (entity, pageText) => {
          // The background answers only for people this page was reported to mention.
          await this.#flushReport();
          return sendToBackground('card:get', { entity, pageText });
        },
        openCompare: (articles) => void sendToBackground('compare:open', { articles }),
        timings: timings(options.hoverDelay),
      },
      signal,
    );
    document.addEventListener('pointermove', (e) => this.#onPointerMove(e), {
      passive: true,
      capture: true,
      signal,
    });
    document.addEventListener('pointerdown', (e) => this.#onPointerDown(e), {
      capture: true,
      signal,
    });
    // The page may clear CSS.highlights at any time; put ours back.
    const keepAlive = ctx.setInterval(() => this.#highlighter.ensure(), 500);
    signal.addEventListener('abort', () => clearInterval(keepAlive));
  }

  /** Scans for bundled names, then (unpainted) for library-only people. */
  async start(): Promise<void> {
    await this.#scanner.start();
    if (!this.#abort.signal.aborted) await this.#libraryScan?.scanner.start();
  }

  setHoverDelay(ms: number): void {
    this.#card.setTimings(timings(ms));
  }

  setHighlightName(name: string): void {
    this.#highlighter.setName(name);
  }

  setMarkEvery(every: boolean): void {
    this.#scanner.setMarkEvery(every);
    this.#libraryScan?.scanner.setMarkEvery(every);
  }

  counts(): MentionCount[] {
    const scans = [{ scanner: this.#scanner, matcher: this.#matcher }];
    if (this.#libraryScan) scans.push(this.#libraryScan);
    return scans.flatMap(({ scanner, matcher }) =>
      scanner.counts().map((c) => ({ ...c, name: matcher.entity(c.entity)?.name ?? c.entity })),
    );
  }

  stats(): ScanStats {
    return {
      ...this.#scanner.stats,
      done: this.#scanner.stats.done && (this.#libraryScan?.scanner.stats.done ?? true),
      setupMs: this.#setupMs,
      startedAt: this.#startedAt,
      libraryScanMs: this.#libraryScan?.scanner.stats.scanMs ?? 0,
    };
  }

  /** Scrolls to the next mention (of `entity` or any) and opens its card with focus in it. */
  reveal(entity: string | null): boolean {
    const m = this.#scanner.next(entity) ?? this.#libraryScan?.scanner.next(entity) ?? null;
    if (!m) return false;
    const target = this.#target(m);
    const range = target.range();
    if (range) {
      const rect = range.getBoundingClientRect();
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollBy({
        top: rect.top - window.innerHeight / 3,
        behavior: reduce ? 'instant' : 'auto',
      });
    }
    this.#card.openNow(target, { focus: true });
    return true;
  }

  cardSnapshot(expand = false): CardSnapshot | null {
    return this.#card.snapshot(expand);
  }

  destroy(): void {
    if (this.#abort.signal.aborted) return;
    this.#abort.abort();
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    if (this.#reportTimer !== null) clearTimeout(this.#reportTimer);
    this.#scanner.destroy();
    this.#libraryScan?.scanner.destroy();
    this.#highlighter.destroy();
    this.#card.destroy();
    void sendToBackground('content:mentions', { counts: [] }).catch(() => {});
  }

  #target(m: PageMention): CardTarget {
    return {
      entity: m.entity,
      name:
        this.#matcher.entity(m.entity)?.name ??
        this.#libraryScan?.matcher.entity(m.entity)?.name ??
        null,
      // Ids are per scanner; entities differ between the bundled and the library scan.
      key: `${m.entity}\u0000${m.id}`,
      range: () => {
        const r = m.range;
        if (!r.startContainer.isConnected || !r.endContainer.isConnected) return null;
        const live = document.createRange();
        try {
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
        } catch {
          return null;
        }
        return live;
      },
      // The mark's block and those of the repeats it stands for (quiet marks), bounded.
      context: () => {
        let text = '';
        for (const block of this.#scanner.blocksOf(m)) {
          if (text.length >= CONTEXT_LIMIT) break;
          text += `${text ? '\n' : ''}${block.textContent ?? ''}`;
        }
        return text.slice(0, CONTEXT_LIMIT);
      },
    };
  }

  #onPointerMove(e: PointerEvent): void {
    // Only the reader opens cards: a page's synthetic events are dropped before any work.
    if (!e.isTrusted || e.pointerType === 'touch') return;
    this.#pointer = { x: e.clientX, y: e.clientY };
    const host = this.#card.host;
    if (host && e.composedPath().includes(host)) return;
    // One hit test per frame, however fast the pointer moves.
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = null;
      if (!this.#pointer) return;
      const m = this.#mentionAt(this.#pointer.x, this.#pointer.y);
      this.#card.hover(m ? this.#target(m) : null);
    });
  }

  #onPointerDown(e: PointerEvent): void {
    if (!e.isTrusted || e.pointerType !== 'touch') return;
    const m = this.#mentionAt(e.clientX, e.clientY);
    if (m) this.#card.openNow(this.#target(m), { focus: false });
  }

  #mentionAt(x: number, y: number): PageMention | null {
    return this.#scanner.mentionAt(x, y) ?? this.#libraryScan?.scanner.mentionAt(x, y) ?? null;
  }

  #scheduleReport(): void {
    if (this.#reportTimer !== null) return;
    this.#reportTimer = this.#ctx.setTimeout(() => void this.#flushReport(), 300);
  }

  /** Sends the mention counts now if they changed since the last report. */
  async #flushReport(): Promise<void> {
    if (this.#reportTimer !== null) clearTimeout(this.#reportTimer);
    this.#reportTimer = null;
    const counts = this.counts();
    const key = JSON.stringify(counts);
    if (key === this.#lastReported) return this.#reporting;
    this.#lastReported = key;
    this.#reporting = sendToBackground('content:mentions', { counts }).then(
      () => {},
      () => {},
    );
    return this.#reporting;
  }
}
