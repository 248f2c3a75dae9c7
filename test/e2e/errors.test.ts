/**
 * A background handler that fails shows an error where its answer was awaited: in the card,
 * the popup's search and the popup's statement view, never a "nothing found" in its place.
 *
 * How a handler is made to fail: the test loads a copy of the real build with one damaged
 * data file, and the handler genuinely fails on it. No test switch ships in the extension
 * (a page could try to reach one), and no test-only build is needed.
 * - One statement of the bundled dataset has lost its text (`text: null`). The names to find
 *   come from the people, so the page is still scanned and marked, but every card and
 *   statement is built from all statements' texts, and `card:get` and `statement:get` throw.
 *   The search index is intact, so the popup still finds the statement to open.
 * - The search index is cut short (invalid JSON): `search:query` throws.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGED } from '../../src/shared/packaged-files';
import {
  browsersToTest,
  buildDir,
  launchWithExtension,
  LAUNCHING_TEST_TIMEOUT,
  ROOT,
  serveFixtures,
  tabIdOf,
  waitForCard,
  waitForHighlights,
  wordCenter,
  type BrowserName,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const EN = JSON.parse(
  await readFile(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const say = (key: string) => EN[key]!.message;

/** A copy of the build with `damage` applied to it; removed with its parent folder. */
async function damagedBuild(
  name: BrowserName,
  damage: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'counterpoint-errors-')), 'build');
  await cp(buildDir(name), dir, { recursive: true });
  await damage(dir);
  return dir;
}

/** The dataset with one statement's text gone. */
async function loseOneText(dir: string): Promise<void> {
  const file = path.join(dir, PACKAGED.dataset);
  const dataset = JSON.parse(await readFile(file, 'utf8')) as {
    statements: { speaker: string | null; text: string | null }[];
  };
  const victim = dataset.statements.find((s) => s.speaker === 'vladimir-putin');
  if (!victim) throw new Error('the bundled dataset has no statement by Vladimir Putin');
  victim.text = null;
  await writeFile(file, JSON.stringify(dataset));
}

/** The search index cut in half, as a truncated write would leave it. */
async function truncateSearchIndex(dir: string): Promise<void> {
  const file = path.join(dir, PACKAGED.searchIndex);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
}

async function typeQuery(popup: Page, query: string): Promise<void> {
  await popup.click('[data-testid="search"]', { count: 3 });
  await popup.keyboard.press('Backspace');
  await popup.type('[data-testid="search"]', query);
}

describe.each(browsersToTest())('errors from the background in $name', ({ name, skip }) => {
  let server: FixtureServer;
  const opened: { eb: ExtensionBrowser; dir: string }[] = [];

  async function launch(damage: (dir: string) => Promise<void>): Promise<ExtensionBrowser> {
    const dir = await damagedBuild(name, damage);
    const eb = await launchWithExtension(name, { build: dir });
    opened.push({ eb, dir });
    return eb;
  }

  /** A page that mentions the summit's people, marked, and the popup opened on its tab. */
  async function pageAndPopup(eb: ExtensionBrowser, file: string) {
    const page = await eb.browser.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    const url = server.url(file);
    await page.goto(url);
    await waitForHighlights(page, 5);
    const probe = await eb.openExtensionPage('popup.html');
    const tabId = await tabIdOf(probe, url);
    await probe.close();
    return { page, popup: await eb.openExtensionPage(`popup.html?tab=${tabId}`) };
  }

  beforeAll(async () => {
    if (skip) return;
    server = await serveFixtures();
  });
  afterAll(async () => {
    for (const { eb, dir } of opened) {
      await eb.close();
      await rm(path.dirname(dir), { recursive: true, force: true });
    }
    await server?.close();
  });

  it.skipIf(skip)(
    'a card and a statement whose data fails say so',
    async () => {
      const eb = await launch(loseOneText);
      const { page, popup } = await pageAndPopup(eb, 'summit.html?t=errors-card');

      // The card: the pointer rests on a marked name.
      const { x, y } = await wordCenter(page, '#putin', 'Putin');
      await page.bringToFront();
      await page.mouse.move(x - 3, y);
      await page.mouse.move(x, y);
      const card = await waitForCard(
        eb,
        page,
        (c) => c?.text.includes(say('cardLoadFailed')) ?? false,
      );
      expect(card?.label).toBe('Vladimir Putin');
      expect(card?.text).not.toContain(say('nothingAboutThis'));
      expect(card?.versions).toBe(false);

      // The statement view: the (intact) search index finds it, opening it fails.
      await popup.bringToFront();
      await typeQuery(popup, 'nucelar showdown');
      await popup.waitForSelector('[role="option"][data-kind="statement"]', { timeout: 10_000 });
      await popup.click('[role="option"][data-kind="statement"]');
      const failed = await popup.waitForSelector('[data-testid="statement-failed"]', {
        timeout: 10_000,
      });
      expect(await failed!.evaluate((el) => el.textContent)).toBe(say('statementLoadFailed'));
      const detail = await popup.$eval('[data-testid="statement-detail"]', (el) => el.textContent);
      expect(detail).not.toContain(say('statementGone'));
    },
    LAUNCHING_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    'a search that fails says so, and the popup stays usable',
    async () => {
      const eb = await launch(truncateSearchIndex);
      const { popup } = await pageAndPopup(eb, 'summit.html?t=errors-search');
      await popup.bringToFront();
      await typeQuery(popup, 'Putin');
      const alert = await popup.waitForSelector('.search [role="alert"]', { timeout: 10_000 });
      expect(await alert!.evaluate((el) => el.textContent)).toBe(say('searchUnavailable'));
      expect(await popup.$$('[role="option"]')).toEqual([]);
      // The rest of the popup still answers: the page's people come from its content script.
      await popup.waitForSelector('[data-testid="page-host"]', { timeout: 10_000 });
      await typeQuery(popup, 'Kim');
      await popup.waitForFunction(
        () =>
          (document.querySelector('[data-testid="search"]') as HTMLInputElement).value === 'Kim' &&
          document.querySelector('.search [role="alert"]') !== null,
        { timeout: 10_000 },
      );
    },
    LAUNCHING_TEST_TIMEOUT,
  );
});
