import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryIdFor } from '../../src/library/review';
import {
  browsersToTest,
  hoverUntilCard,
  launchWithExtension,
  serveFixtures,
  tabIdOf,
  waitForHighlights,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const NEW_QUOTE = 'We hope that the dialogue will be resumed and that this meeting will take place';

/** An article whose body is one paragraph of `bytes` (the pipeline's worst case before). */
function runOnPage(bytes: number): string {
  const unit = 'Putin said "we hope" and ';
  const body = unit.repeat(Math.ceil(bytes / unit.length));
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Run-on | Example Wire</title>' +
    `</head><body><article><h1>Run-on</h1><p>${body}</p><p>Putin said it again.</p></article></body></html>`
  );
}

const listed = (options: Page) =>
  options.$$eval('[data-testid="library-list"] li .title', (els) => els.map((e) => e.textContent));

/** Clicks Export and returns the file's text (the download's blob, read in the page). */
async function exportLibrary(options: Page): Promise<string> {
  await options.evaluate(() => {
    const w = window as unknown as { __exported: Promise<string> };
    w.__exported = new Promise((resolve) => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = click;
        void fetch(this.href).then(async (r) => resolve(await r.text()));
      };
    });
  });
  await options.click('[data-testid="export"]');
  return options.evaluate(() => (window as unknown as { __exported: Promise<string> }).__exported);
}

async function importFile(options: Page, file: string) {
  const input = (await options.$('[data-testid="import"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

describe.each(browsersToTest())('the reader’s library in $name', ({ name, skip }) => {
  let eb: ExtensionBrowser;
  let server: FixtureServer;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'counterpoint-library-'));

  beforeAll(async () => {
    if (skip) return;
    server = await serveFixtures({}, { '/run-on.html': runOnPage(600 * 1024) });
    eb = await launchWithExtension(name);
  });
  afterAll(async () => {
    await eb?.close();
    await server?.close();
  });

  it.skipIf(skip)(
    'adds the article being read; its statement joins the card on another page',
    async () => {
      const article = await eb.browser.newPage();
      const url = server.url('wire-article.html?t=lib');
      await article.goto(url);
      await waitForHighlights(article, 3);
      const probe = await eb.openExtensionPage('popup.html');
      const tabId = await tabIdOf(probe, url);
      await probe.close();

      const add = await eb.openExtensionPage(`add.html?tab=${tabId}`);
      await add.waitForSelector('[data-testid="statements"] li', { timeout: 15_000 });
      expect(await add.$eval('[data-testid="outlet"]', (e) => (e as HTMLInputElement).value)).toBe(
        'Example Wire',
      );
      expect(
        await add.$eval('[data-testid="published"]', (e) => (e as HTMLInputElement).value),
      ).toBe('2018-05-25');
      // Or another outlet the dataset knows.
      const choices = await add.$$eval('[data-testid="outlet-choice"] option', (els) =>
        els.map((e) => e.textContent),
      );
      expect(choices).toEqual(expect.arrayContaining(['RT', 'CNN', 'New: Example Wire']));
      const found = await add.$$eval('[data-testid="statements"] li blockquote', (els) =>
        els.map((e) => e.textContent),
      );
      expect(found.join('|')).toContain(NEW_QUOTE);
      // The reader drops one statement before saving.
      const kept = found.length - 1;
      await add.click('[data-testid="statements"] li:last-child input[type="checkbox"]');
      await add.click('[data-testid="save"]');
      await add.waitForSelector('[data-testid="saved"]');
      expect(await add.$eval('[data-testid="saved"]', (e) => e.textContent)).toContain(
        `its ${kept} statements`,
      );
      await add.close();

      // Another page: resting on Putin shows the new outlet's version beside RT's and CNN's.
      const page = await eb.browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      await page.goto(server.url('summit.html?t=lib2'));
      await waitForHighlights(page, 5);
      const card = await hoverUntilCard(eb, page, '#putin', 'Putin');
      expect(card?.text).toContain('Example Wire');
      expect(card?.text).toContain(NEW_QUOTE);
      expect(card?.text).toMatch(/RT/);
      await page.close();

      // The compare view takes the library article, and sets a linked bundled one beside it.
      const compare = await eb.openExtensionPage(`compare.html?a=${libraryIdFor(url)}`);
      await compare.waitForSelector('table th', { timeout: 10_000 });
      const heads = await compare.$$eval('thead th .outlet', (els) =>
        els.map((e) => e.textContent),
      );
      expect(heads[0]).toBe('Example Wire');
      expect(['RT', 'CNN']).toContain(heads[1]);
      // Statements both report share a row; the new one is there too.
      const linked = await compare.$$eval(
        'tbody tr',
        (rows) => rows.filter((r) => r.querySelectorAll('td.cell--empty').length === 0).length,
      );
      expect(linked).toBeGreaterThan(0);
      expect(await compare.$eval('tbody', (e) => e.textContent)).toContain(NEW_QUOTE);
      await compare.close();
      await article.close();
    },
  );

  it.skipIf(skip)(
    'exports, clears, imports everything back; a corrupt file changes nothing',
    async () => {
      const options = await eb.openExtensionPage('options.html');
      await options.waitForSelector('[data-testid="library-list"] li');
      const before = await listed(options);
      expect(before).toEqual(['Putin regrets cancelled summit, hopes talks resume']);

      const exported = await exportLibrary(options);
      const data = JSON.parse(exported) as { articles: { title: string }[]; statements: unknown[] };
      expect(data.articles.map((a) => a.title)).toEqual(before);
      expect(data.statements.length).toBeGreaterThan(0);
      const file = path.join(dir, 'library.json');
      writeFileSync(file, exported);

      await options.click('[data-testid="clear"]');
      await options.click('[data-testid="clear-confirm"]');
      await options.waitForSelector('[data-testid="library-empty"]');

      await importFile(options, file);
      // The "Library cleared." message is still there until the import's own replaces it.
      await options.waitForFunction(
        () =>
          document.querySelector('[data-testid="library-ok"]')?.textContent?.startsWith('Imported'),
        { timeout: 10_000 },
      );
      expect(await options.$eval('[data-testid="library-ok"]', (e) => e.textContent)).toContain(
        'Imported 1 article.',
      );
      await options.waitForFunction(
        () => document.querySelectorAll('[data-testid="library-list"] li').length === 1,
      );
      expect(await listed(options)).toEqual(before);

      // Found again by search, through the background, as the popup searches.
      const popup = await eb.openExtensionPage('popup.html');
      await popup.type('[data-testid="search"]', 'dialog resumed meeting');
      await popup.waitForFunction(
        (quote) =>
          [...document.querySelectorAll('[role="option"] .result__title')].some((e) =>
            e.textContent?.startsWith(quote.slice(0, 40)),
          ),
        { timeout: 10_000 },
        NEW_QUOTE,
      );
      await popup.close();

      const corrupt = path.join(dir, 'corrupt.json');
      writeFileSync(corrupt, exported.slice(0, Math.floor(exported.length / 2)));
      await importFile(options, corrupt);
      await options.waitForSelector('[data-testid="library-error"]');
      const error = await options.$eval('[data-testid="library-error"]', (e) => e.textContent);
      expect(error).toMatch(/corrupt\.json: not a JSON file/);
      expect(error).toContain('Your library was not changed');

      const foreign = path.join(dir, 'foreign.json');
      writeFileSync(foreign, JSON.stringify({ version: 1, articles: [{ id: 'x' }] }));
      await importFile(options, foreign);
      await options.waitForFunction(() =>
        document
          .querySelector('[data-testid="library-error"]')
          ?.textContent?.includes('foreign.json'),
      );
      expect(await listed(options)).toEqual(before);
      await options.close();
    },
  );

  it.skipIf(skip)(
    'reads a long article off the page’s thread, with progress, and can be stopped',
    async () => {
      const article = await eb.browser.newPage();
      const url = server.url('run-on.html?t=lib3');
      await article.goto(url);
      const probe = await eb.openExtensionPage('popup.html');
      const tabId = await tabIdOf(probe, url);
      await probe.close();
      const add = await eb.openExtensionPage(`add.html?tab=${tabId}`);
      // The pipeline has started in its worker; the page still answers (this poll runs in it).
      await add.waitForFunction(
        () => document.querySelector('[data-testid="reading"]')?.textContent?.includes('Finding'),
        { timeout: 20_000, polling: 20 },
      );
      expect(await add.$eval('[data-testid="reading"] progress', (e) => e.value)).toBeGreaterThan(
        0,
      );
      await add.click('[data-testid="stop"]');
      await add.waitForSelector('[data-testid="add-error"]', { timeout: 5_000 });
      expect(await add.$eval('[data-testid="add-error"]', (e) => e.textContent)).toBe(
        'Stopped. Nothing was added.',
      );
      // Nothing was saved: the library holds what it held.
      const options = await eb.openExtensionPage('options.html');
      await options.waitForSelector('[data-testid="library-list"] li');
      expect(await listed(options)).toEqual(['Putin regrets cancelled summit, hopes talks resume']);
      await options.close();
      await add.close();
      await article.close();
    },
    60_000,
  );

  it.skipIf(skip)('has a first-run page that shows a card on a sample article', async () => {
    const welcome = await eb.openExtensionPage('welcome.html');
    await welcome.waitForSelector(
      '[data-testid="sample"] .sample-mention[data-entity="vladimir-putin"]',
    );
    await welcome.hover('[data-testid="sample"] .sample-mention[data-entity="vladimir-putin"]');
    await welcome.waitForSelector('[data-testid="sample-card"] .version');
    const text = await welcome.$eval('[data-testid="sample-card"]', (e) => e.textContent ?? '');
    expect(text).toContain('Vladimir Putin');
    expect(text).toMatch(/RT/);
    expect(text).toMatch(/CNN/);
    await welcome.close();
  });
});
