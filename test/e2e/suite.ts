/**
 * The set-up every e2e file shares: one `describe` per browser, with a fixture server, the
 * browser with the extension installed (optionally behind a network trap) and their tear-down,
 * plus the few steps most tests begin with. Kept apart from `harness.ts`, which scripts
 * (`npm start`, the bench) import outside Vitest.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { readArticles, readReference } from '../../scripts/lib/dataset-files';
import { buildDataset, type ArticleInput, type Dataset } from '../../src/dataset';
import type { MentionCount, ScanStats } from '../../src/shared/protocol';
import {
  browsersToTest,
  launchWithExtension,
  ROOT,
  sendToTabFrom,
  serveFixtures,
  startTrap,
  tabIdOf,
  waitForHighlights,
  type BrowserName,
  type ExtensionBrowser,
  type FixtureServer,
  type Trap,
} from './harness';

export interface SuiteOptions {
  /** How the browser is launched (UI language, colour scheme). */
  launch?: { locale?: string; colorScheme?: 'dark' };
  /** Launch behind a fresh `Trap`, which records every request that leaves the machine. */
  trap?: boolean;
  /** The fixture server's extra response headers and generated pages (see `serveFixtures`). */
  headers?: Parameters<typeof serveFixtures>[0];
  generated?: Parameters<typeof serveFixtures>[1];
  /** Why this suite cannot run here besides a missing browser (e.g. no corpus), or null. */
  skip?: string | null;
  /** Runs once the browser is up, before the tests (e.g. importing a library). */
  ready?: (suite: BrowserSuite) => Promise<void>;
}

/** One browser's suite: what the set-up made, read inside tests (it exists only once they run). */
export interface BrowserSuite {
  name: BrowserName;
  /** Why the suite is skipped, or null: pass to `it.skipIf`. */
  skip: string | null;
  eb: ExtensionBrowser;
  server: FixtureServer;
  /** Only with `trap: true`. */
  trap: Trap;
}

/**
 * `describe`s `body` once per browser under test, as "TITLE in chromium" and "TITLE in
 * firefox", with the server and browser started before its tests and closed after them.
 */
export function describeInBrowsers(
  title: string,
  options: SuiteOptions,
  body: (suite: BrowserSuite) => void,
): void {
  describe.each(browsersToTest())(`${title} in $name`, ({ name, skip }) => {
    let eb: ExtensionBrowser | undefined;
    let server: FixtureServer | undefined;
    let trap: Trap | undefined;
    const made = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw new Error(`${what} is made in beforeAll; read it in a test`);
      return value;
    };
    const suite: BrowserSuite = {
      name,
      skip: skip ?? options.skip ?? null,
      get eb() {
        return made(eb, 'the browser');
      },
      get server() {
        return made(server, 'the fixture server');
      },
      get trap() {
        return made(trap, 'the trap (trap: true)');
      },
    };
    beforeAll(async () => {
      if (suite.skip) return;
      if (options.trap) trap = await startTrap();
      server = await serveFixtures(options.headers, options.generated);
      eb = await launchWithExtension(name, {
        ...options.launch,
        ...(trap ? { proxy: trap.port } : {}),
      });
      await options.ready?.(suite);
    });
    afterAll(async () => {
      await eb?.close();
      await server?.close();
      await trap?.close();
    });
    body(suite);
  });
}

/**
 * A new tab showing fixture `file` (a query string keeps each test's URL its own), once the
 * extension has painted at least `highlights` marks (0: do not wait for marks).
 */
export async function openFixture(
  suite: BrowserSuite,
  file: string,
  { highlights = 1, width = 1100, height = 800 } = {},
): Promise<{ page: Page; url: string }> {
  const page = await suite.eb.browser.newPage();
  await page.setViewport({ width, height });
  const url = suite.server.url(file);
  await page.goto(url);
  if (highlights > 0) await waitForHighlights(page, highlights);
  return { page, url };
}

/** The id of the tab showing `url`, looked up from a short-lived extension page. */
export async function tabIdFor(eb: ExtensionBrowser, url: string): Promise<number> {
  const probe = await eb.openExtensionPage('popup.html');
  try {
    return await tabIdOf(probe, url);
  } finally {
    await probe.close();
  }
}

/** What the content script reports about its tab (`tab:ping`). */
export interface ScanReport {
  stats: ScanStats;
  counts: MentionCount[];
}

/**
 * The tab's scan report, polled until `until` holds (by default: the first scan has finished).
 * Throws when it never does: a test that waits for the end of the work must not go on without it.
 */
export async function scanReport(
  eb: ExtensionBrowser,
  url: string,
  until: (s: ScanStats) => boolean = (s) => s.done,
  timeout = 15_000,
): Promise<ScanReport> {
  const probe = await eb.openExtensionPage('popup.html');
  try {
    const tabId = await tabIdOf(probe, url);
    const deadline = Date.now() + timeout;
    for (;;) {
      const reply = (await sendToTabFrom(probe, tabId, { type: 'tab:ping', payload: {} }).catch(
        () => null,
      )) as { stats: ScanStats | null; counts: MentionCount[] } | null;
      const stats = reply?.stats ?? null;
      if (reply && stats && until(stats)) return { stats, counts: reply.counts };
      if (Date.now() > deadline) {
        throw new Error(`scan stats never matched: ${JSON.stringify(stats)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await probe.close();
  }
}

/** The tab's scan stats once `until` holds (by default: the first scan has finished). */
export async function scanStats(
  eb: ExtensionBrowser,
  url: string,
  until: (s: ScanStats) => boolean = (s) => s.done,
  timeout = 15_000,
): Promise<ScanStats> {
  return (await scanReport(eb, url, until, timeout)).stats;
}

/** Imports a library file from the options page, as a reader would, and waits for the result. */
export async function importLibraryFile(eb: ExtensionBrowser, file: string): Promise<void> {
  const options = await eb.openExtensionPage('options.html');
  try {
    const input = (await options.waitForSelector(
      '[data-testid="import"]',
    )) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await options.waitForFunction(
      () =>
        document.querySelector('[data-testid="library-ok"]')?.textContent?.startsWith('Imported'),
      { timeout: 15_000 },
    );
  } finally {
    await options.close();
  }
}

/**
 * Brings the tab forward (background tabs run no animations) and lets the card's fade-in end,
 * before a screenshot only: no check may rely on it. The card's root is closed, so its
 * animations cannot be awaited from the page.
 */
export async function settleForScreenshot(page: Page): Promise<void> {
  await page.bringToFront();
  await new Promise((r) => setTimeout(r, 400));
}

/**
 * Opens `url` on a dark page in `dark`, a browser launched dark (`colorScheme: 'dark'`:
 * Chromium's flag, Firefox's pref, since Firefox's protocol cannot emulate the scheme per page),
 * once `highlights` marks are painted. Fails when the launch could not make it dark: never a
 * silent pass.
 */
export async function openDarkPage(
  dark: ExtensionBrowser,
  url: string,
  viewport: { width: number; height: number },
  highlights: number,
): Promise<Page> {
  const page = await dark.browser.newPage();
  await page.setViewport(viewport);
  await page.goto(url);
  await page.evaluate(() => {
    document.body.style.background = '#111';
    document.body.style.color = '#eee';
  });
  await waitForHighlights(page, highlights);
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  return page;
}

/**
 * Writes `file`: a library of `articles`, made by the same pipeline as the bundled dataset (run
 * with the seeds, so their statements link to the bundled ones) and without the bundled articles,
 * as "Add this article" would have saved them. Import it with `importLibraryFile`.
 */
export async function writeLibraryFile(articles: ArticleInput[], file: string): Promise<string> {
  const reference = await readReference(path.join(ROOT, 'assets/reference'));
  const seeds = await readArticles(path.join(ROOT, 'assets/articles'));
  const { dataset } = buildDataset([...seeds, ...articles], reference);
  const bundled = new Set(seeds.map((a) => a.file.replace(/\.[^.]+$/, '')));
  const own = new Set(
    dataset.statements.filter((st) => !bundled.has(st.article)).map((st) => st.id),
  );
  const library: Dataset = {
    ...dataset,
    articles: dataset.articles.filter((a) => !bundled.has(a.id)),
    statements: dataset.statements.filter((st) => own.has(st.id)),
    coverage: dataset.coverage.filter((c) => c.statements.some((id) => own.has(id))),
    exclusives: [],
  };
  writeFileSync(file, JSON.stringify(library));
  return file;
}
