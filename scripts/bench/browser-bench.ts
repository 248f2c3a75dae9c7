/**
 * In-browser bench: the built extension's scan + highlight time on a 2 MB page and on the
 * corpus pages, against a bare TreeWalker text read of the same page in the same run (in a
 * world like the content script's, on a load our scan leaves alone; reported too: the same
 * read after the scan, and one in the page's own world), the longest main-thread slice, and
 * the rescan cost of an appended 50 KB.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ScanStats } from '../../src/shared/protocol';
import {
  launchWithExtension,
  serveFixtures,
  tabIdOf,
  unavailable,
  type BrowserName,
  type ExtensionBrowser,
} from '../../test/e2e/harness';
import {
  appendChunkHtml,
  buildLargePage,
  corpusDir,
  hasCorpus,
  nonEnglishPages,
  RUSSIAN_SOURCE,
  russianParagraphs,
} from './pages';
import { percentile, round } from './stats';

const median = (xs: number[]) => percentile(xs, 0.5);
const p95 = (xs: number[]) => percentile(xs, 0.95);

/**
 * Bare TreeWalker(SHOW_TEXT) reads of the page's text, in ms: the first (cold: every node
 * gets its JS wrapper, as it does for our content script in its own world) and the median
 * of the warm repeats.
 */
async function treeWalkerRead(
  page: Page,
  world: 'page' | 'isolated',
  runs = 6,
): Promise<{ cold: number; warm: number }> {
  // The isolated world is one like a content script's own (Chromium: an isolated world;
  // Firefox: a sandbox behind Xray wrappers): the read our scan could at best match there.
  const realm =
    world === 'page'
      ? page
      : (
          page.mainFrame() as unknown as { isolatedRealm(): Pick<Page, 'evaluate'> }
        ).isolatedRealm();
  const times = await realm.evaluate((n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let node = w.nextNode(); node; node = w.nextNode()) chars += node.nodeValue!.length;
      out.push(performance.now() - t0 + chars * 0);
    }
    return out;
  }, runs);
  return { cold: times[0]!, warm: median(times.slice(1)) };
}

async function statsOf(probe: Page, tabId: number): Promise<ScanStats | null> {
  return probe.evaluate(async (id) => {
    interface Api {
      tabs: { sendMessage(id: number, m: object, o: object): Promise<{ stats: unknown }> };
    }
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const reply = await (g.browser ?? g.chrome)!.tabs.sendMessage(
      id,
      { type: 'tab:ping', payload: {} },
      { frameId: 0 },
    );
    return reply.stats as never;
  }, tabId);
}

async function waitForStats(
  probe: Page,
  tabId: number,
  ready: (s: ScanStats) => boolean,
  timeout = 30_000,
): Promise<ScanStats> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const s = await statsOf(probe, tabId).catch(() => null);
    if (s && ready(s)) return s;
    if (Date.now() > deadline) throw new Error('content script did not finish scanning');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface PageFigure {
  page: string;
  /** When our setup began on the scanned load, in ms after navigation (`ScanStats.startedAt`). */
  startedAt: number;
  /**
   * Cold read in an isolated world like the content script's own (Chromium: an isolated
   * world; Firefox: a sandbox behind Xray wrappers), on a load of the page our scan leaves
   * alone (the extension paused), as long after navigation as our setup began on the scanned
   * load: the baseline, the least any content script pays to read the page's text there.
   */
  textReadMs: number;
  /**
   * The same read on the scanned load, after the scan: how the bench measured the baseline
   * until stop 40. Our scan has just read the page, and the read after it was 20–40% faster on
   * light pages than on a load left alone (docs/scanning.md, "Measuring it"): reported.
   */
  afterScanReadMs: number;
  /** Cold and warm reads in the page's own world after the scan: reported. */
  pageReadMs: number;
  warmPageReadMs: number;
  /** Matcher compiled and highlight registered, before the first slice. */
  setupMs: number;
  scanMs: number;
  wallMs: number;
  /** setupMs + scanMs over textReadMs (same world): the budgeted figure. */
  ratio: number;
  /** setupMs + scanMs over afterScanReadMs: the figure as measured until stop 40. */
  afterScanRatio: number;
  /** setupMs + scanMs over pageReadMs. */
  pageRatio: number;
  longestSliceMs: number;
  /** Every mention found: what "Mark every mention" marks. */
  mentions: number;
  /** Mentions marked under the quiet default. */
  marks: number;
}

/** Switches our scan off or on everywhere, as the popup's switch does (from an extension page). */
async function setPaused(probe: Page, paused: boolean): Promise<void> {
  await probe.evaluate(async (p) => {
    interface Api {
      storage: {
        local: {
          get(key: string): Promise<Record<string, unknown>>;
          set(items: object): Promise<void>;
        };
      };
    }
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const { local } = (g.browser ?? g.chrome)!.storage;
    const settings = (await local.get('settings')).settings ?? {};
    await local.set({ settings: { ...(settings as object), paused: p } });
  }, paused);
}

/**
 * The baseline read on a load our scan leaves alone, `at` ms after navigation (when our setup
 * began on the scanned load; at the load event if that was earlier). The content script is
 * still injected, and stops at its settings, as it does on a site switched off.
 */
async function readLeftAlone(
  eb: ExtensionBrowser,
  probe: Page,
  url: string,
  at: number,
): Promise<number> {
  await setPaused(probe, true);
  try {
    const page = await eb.browser.newPage();
    try {
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}alone`, {
        waitUntil: 'load',
        timeout: 60_000,
      });
      await page.evaluate(
        (t) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - performance.now()))),
        at,
      );
      return (await treeWalkerRead(page, 'isolated', 1)).cold;
    } finally {
      await page.close();
    }
  } finally {
    await setPaused(probe, false);
  }
}

/**
 * One scanned load of a page and one left alone for the baseline (`readLeftAlone`), in that
 * order, or the other way round when `aloneAt` (a `startedAt` of an earlier scanned load) is
 * given: each load comes after another tab's teardown, the scanned one as often as the other.
 * `whileOpen` runs on the scanned page before it is closed (the bench's append test).
 */
async function measurePage(
  eb: ExtensionBrowser,
  probe: Page,
  url: string,
  label: string,
  whileOpen?: (page: Page, tabId: number) => Promise<void>,
  aloneAt?: number,
): Promise<PageFigure> {
  const first = aloneAt === undefined ? null : await readLeftAlone(eb, probe, url, aloneAt);
  const page = await eb.browser.newPage();
  let stats: ScanStats;
  let afterScan: number;
  let read: { cold: number; warm: number };
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const tabId = await tabIdOf(probe, url, 30_000);
    stats = await waitForStats(probe, tabId, (s) => s.done);
    afterScan = (await treeWalkerRead(page, 'isolated')).cold;
    read = await treeWalkerRead(page, 'page');
    await whileOpen?.(page, tabId);
  } finally {
    await page.close();
  }
  const alone = first ?? (await readLeftAlone(eb, probe, url, stats.startedAt));
  const spent = stats.setupMs + stats.scanMs;
  return {
    page: label,
    startedAt: round(stats.startedAt),
    textReadMs: round(alone),
    afterScanReadMs: round(afterScan),
    pageReadMs: round(read.cold),
    warmPageReadMs: round(read.warm),
    setupMs: round(stats.setupMs),
    scanMs: round(stats.scanMs),
    wallMs: round(stats.wallMs),
    ratio: round(spent / Math.max(alone, 0.1)),
    afterScanRatio: round(spent / Math.max(afterScan, 0.1)),
    pageRatio: round(spent / Math.max(read.cold, 0.1)),
    longestSliceMs: round(stats.longestSliceMs),
    mentions: stats.mentions,
    marks: stats.marks,
  };
}

/** A page measured over several loads (see `measureLoads`). */
export interface RepeatedFigure extends PageFigure {
  /** Each load's ratio, in load order; the figure's fields are the medians. */
  ratios: number[];
  /** Each load's `textReadMs`, in load order. */
  reads: number[];
}

/**
 * Loads a page `loads` times, each in a new tab, and gives the median of each field, the
 * ratio being the median of each load's own scan over its own read. One load of the 2 MB
 * Russian page gave ratios from 1.5 to 2.6 across runs of one build (its read alone varied
 * from 107 to 197 ms in Firefox): a budget on a single load said more about the machine's
 * moment than about the scan.
 */
async function measureLoads(
  eb: ExtensionBrowser,
  probe: Page,
  url: string,
  label: string,
  loads: number,
): Promise<RepeatedFigure> {
  const figures: PageFigure[] = [];
  for (let k = 0; k < loads; k++) {
    // Every other load reads the page left alone first, at the time of the load before.
    const aloneAt = k % 2 ? figures[k - 1]!.startedAt : undefined;
    figures.push(await measurePage(eb, probe, `${url}?load=${k}`, label, undefined, aloneAt));
  }
  const mid = (pick: (f: PageFigure) => number) => round(median(figures.map(pick)));
  return {
    page: label,
    startedAt: mid((f) => f.startedAt),
    textReadMs: mid((f) => f.textReadMs),
    afterScanReadMs: mid((f) => f.afterScanReadMs),
    pageReadMs: mid((f) => f.pageReadMs),
    warmPageReadMs: mid((f) => f.warmPageReadMs),
    setupMs: mid((f) => f.setupMs),
    scanMs: mid((f) => f.scanMs),
    wallMs: mid((f) => f.wallMs),
    ratio: mid((f) => f.ratio),
    afterScanRatio: mid((f) => f.afterScanRatio),
    pageRatio: mid((f) => f.pageRatio),
    longestSliceMs: round(Math.max(...figures.map((f) => f.longestSliceMs))),
    mentions: figures[0]!.mentions,
    marks: figures[0]!.marks,
    ratios: figures.map((f) => f.ratio),
    reads: figures.map((f) => f.textReadMs),
  };
}

/** Loads per page in other languages: few pages, each budgeted on its own. */
export const LANGUAGE_LOADS = 3;

/**
 * Loads per corpus page. With one, the Chromium median over pages read in 1 ms or more was 2.0,
 * 2.25, 2.0 and 2.45 in four runs of nearly the same scan code: a page read in about 1 ms is ten ticks
 * of Chromium's clock, and whether it was read in 1 ms or more at all changed from run to run.
 */
export const CORPUS_LOADS = 3;

export interface BrowserBenchReport {
  browser: BrowserName;
  skipped?: string;
  /**
   * Pages in other languages: a generated 2 MB Russian page and the corpus's non-English ones
   * (each left out without the corpus part it is made from).
   */
  languages?: { russianPage?: RepeatedFigure & { bytes: number }; corpus: RepeatedFigure[] };
  largePage?: PageFigure & { bytes: number };
  append50k?: { rescanMs: number; fullScanMs: number };
  /** Each page measured over `CORPUS_LOADS` loads; its figures are the loads' medians. */
  corpus?: {
    pages: number;
    medianRatio: number;
    /** `medianRatio` against the read after the scan. */
    afterScanMedianRatio: number;
    p95Ratio: number;
    medianPageRatio: number;
    /** All pages together: their setup + scan time over their read time. */
    totalRatio: number;
    /** The median over pages whose read takes 1 ms or more (10+ ticks of Chromium's clock). */
    medianRatioOver1ms: number;
    pagesOver1ms: number;
    /** The same over the baseline read after the scan (`PageFigure.afterScanRatio`). */
    afterScanMedianRatioOver1ms: number;
    afterScanPagesOver1ms: number;
    /** `afterScanRatio`'s median over the pages of `medianRatioOver1ms`. */
    afterScanMedianRatioSamePages: number;
    /** `medianRatioOver1ms` from each page's first load alone (one load per page, as before). */
    firstLoadMedianRatioOver1ms: number;
    maxLongestSliceMs: number;
    totalMentions: number;
    totalMarks: number;
    worst: RepeatedFigure[];
    /** Every page's figures (in the --json report). */
    all: RepeatedFigure[];
  };
}

/** Runs the in-browser bench in each browser that is installed. */
export async function benchBrowsers(
  root: string,
  corpusLimit = Infinity,
  only: 'all' | 'languages' = 'all',
): Promise<BrowserBenchReport[]> {
  const large = buildLargePage(root);
  // Without the corpus: no Russian page (made from a coverage article) and no corpus pages.
  const russian = hasCorpus(root, RUSSIAN_SOURCE)
    ? buildLargePage(root, 2 * 1024 * 1024, russianParagraphs(root), 'ru')
    : null;
  const pagesThere = hasCorpus(root, 'pages');
  const chunk = appendChunkHtml(root);
  // Corpus pages: their scripts and off-host loads blocked (the machine is offline anyway).
  const csp = {
    'content-security-policy':
      "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
  };
  const server = await serveFixtures((p) => (p.startsWith('/corpus/') ? csp : {}), {
    '/bench/large.html': large,
    ...(russian ? { '/bench/large-ru.html': russian } : {}),
  });
  const reports: BrowserBenchReport[] = [];
  try {
    for (const name of ['chromium', 'firefox'] as const) {
      const reason = unavailable(name);
      if (reason) {
        reports.push({ browser: name, skipped: reason });
        continue;
      }
      const eb = await launchWithExtension(name);
      try {
        const probe = await eb.openExtensionPage('popup.html');
        const report: BrowserBenchReport = { browser: name };
        // A first page, not measured: a browser just started is still busy with its own
        // start-up (and the extension's), which slowed whichever page came first.
        await measurePage(eb, probe, server.url('summit.html'), 'warm-up');
        await new Promise((resolve) => setTimeout(resolve, 1000));

        const russianPage = russian
          ? {
              ...(await measureLoads(
                eb,
                probe,
                server.url('bench/large-ru.html'),
                'Russian (2 MB)',
                LANGUAGE_LOADS,
              )),
              bytes: russian.length,
            }
          : null;
        const foreign: RepeatedFigure[] = [];
        for (const { file, lang } of pagesThere ? nonEnglishPages(root) : []) {
          const label = `${file} (${lang})`;
          const url = server.url(`corpus/${file}`);
          foreign.push(await measureLoads(eb, probe, url, label, LANGUAGE_LOADS));
        }
        report.languages = { ...(russianPage ? { russianPage } : {}), corpus: foreign };
        if (only === 'languages') {
          reports.push(report);
          continue;
        }

        let append50k: BrowserBenchReport['append50k'];
        const figure = await measurePage(
          eb,
          probe,
          server.url('bench/large.html'),
          'large (2 MB)',
          async (page, tabId) => {
            const before = await statsOf(probe, tabId);
            await page.evaluate((html) => {
              const div = document.createElement('div');
              // Bench only: the page itself appends trusted markup, as an infinite scroll would.
              // eslint-disable-next-line no-restricted-properties
              div.insertAdjacentHTML('beforeend', html);
              document.querySelector('article')!.append(div);
            }, chunk);
            const after = await waitForStats(
              probe,
              tabId,
              (s) => s.rescans > (before?.rescans ?? 0),
            );
            append50k = {
              rescanMs: round(after.lastRescanMs),
              fullScanMs: round(before?.scanMs ?? NaN),
            };
          },
        );
        report.largePage = { ...figure, bytes: large.length };
        report.append50k = append50k;

        if (!pagesThere) {
          reports.push(report);
          continue;
        }
        const pages = readdirSync(path.join(corpusDir(root), 'pages'))
          .filter((f) => f.endsWith('.html'))
          .sort()
          .slice(0, corpusLimit);
        const figures: RepeatedFigure[] = [];
        for (const file of pages) {
          try {
            const url = server.url(`corpus/${file}`);
            figures.push(await measureLoads(eb, probe, url, file, CORPUS_LOADS));
          } catch (error) {
            console.error(`[bench] ${name} ${file}: ${String(error)}`);
          }
        }
        const ratios = figures.map((f) => f.ratio);
        report.corpus = {
          pages: figures.length,
          medianRatio: round(median(ratios)),
          afterScanMedianRatio: round(median(figures.map((f) => f.afterScanRatio))),
          p95Ratio: round(p95(ratios)),
          medianPageRatio: round(median(figures.map((f) => f.pageRatio))),
          totalRatio: round(
            figures.reduce((n, f) => n + f.setupMs + f.scanMs, 0) /
              figures.reduce((n, f) => n + f.textReadMs, 0),
          ),
          medianRatioOver1ms: round(
            median(figures.filter((f) => f.textReadMs >= 1).map((f) => f.ratio)),
          ),
          pagesOver1ms: figures.filter((f) => f.textReadMs >= 1).length,
          // The figure as measured until stop 40: the baseline read after the scan, on its load.
          afterScanMedianRatioOver1ms: round(
            median(figures.filter((f) => f.afterScanReadMs >= 1).map((f) => f.afterScanRatio)),
          ),
          afterScanPagesOver1ms: figures.filter((f) => f.afterScanReadMs >= 1).length,
          // Over the pages of the budgeted figure (read in 1 ms or more when left alone).
          afterScanMedianRatioSamePages: round(
            median(figures.filter((f) => f.textReadMs >= 1).map((f) => f.afterScanRatio)),
          ),
          // The same figure from each page's first load alone (one load per page: before stop 39).
          firstLoadMedianRatioOver1ms: round(
            median(figures.filter((f) => f.reads[0]! >= 1).map((f) => f.ratios[0]!)),
          ),
          maxLongestSliceMs: round(Math.max(...figures.map((f) => f.longestSliceMs))),
          totalMentions: figures.reduce((n, f) => n + f.mentions, 0),
          totalMarks: figures.reduce((n, f) => n + f.marks, 0),
          worst: [...figures].sort((a, b) => b.ratio - a.ratio).slice(0, 3),
          all: figures,
        };
        reports.push(report);
      } finally {
        await eb.close();
      }
    }
  } finally {
    await server.close();
  }
  return reports;
}
