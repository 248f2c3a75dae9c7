import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { libraryIdFor } from '../../src/library/review';
import { hoverUntilCard, type ExtensionBrowser } from './harness';
import { describeInBrowsers, openFixture, tabIdFor, writeLibraryFile } from './suite';

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

/** The options page once its library has loaded (a list, or the empty library's note). */
async function openOptions(eb: ExtensionBrowser): Promise<Page> {
  const options = await eb.openExtensionPage('options.html');
  await options.waitForSelector('[data-testid="library-list"] li, [data-testid="library-empty"]');
  return options;
}

const WIRE_TITLE = 'Putin regrets cancelled summit, hopes talks resume';

/**
 * A library file of one article quoting Putin, made by the same pipeline as the bundled dataset
 * (without the bundled articles): what a test that needs a library imports, whatever an
 * earlier test added.
 */
async function wireLibraryFile(dir: string): Promise<string> {
  const wire = {
    file: 'example-wire-putin.txt',
    text: `${WIRE_TITLE}\n\nRussian President Vladimir Putin said on Thursday: "${NEW_QUOTE}."\n`,
    meta: {
      outlet: { id: 'example-wire', name: 'Example Wire', country: 'US', ownership: 'wire' },
      published: '2018-05-25',
      url: 'https://wire.example/putin-regrets',
      language: 'en',
    },
  };
  return writeLibraryFile([wire], path.join(dir, 'wire-library.json'));
}

/** Empties the library from the options page, when it holds anything. */
async function clearLibrary(options: Page): Promise<void> {
  if (await options.$('[data-testid="library-empty"]')) return;
  await options.click('[data-testid="clear"]');
  await options.click('[data-testid="clear-confirm"]');
  await options.waitForSelector('[data-testid="library-empty"]');
}

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

describeInBrowsers(
  'the reader’s library',
  { generated: { '/run-on.html': runOnPage(600 * 1024) } },
  (s) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'counterpoint-library-'));

    it.skipIf(s.skip)(
      'adds the article being read; its statement joins the card on another page',
      async () => {
        // From an empty library, whatever another test left in it.
        const emptied = await openOptions(s.eb);
        await clearLibrary(emptied);
        await emptied.close();
        const { page: article, url } = await openFixture(s, 'wire-article.html?t=lib', {
          highlights: 3,
        });
        const add = await s.eb.openExtensionPage(`add.html?tab=${await tabIdFor(s.eb, url)}`);
        await add.waitForSelector('[data-testid="statements"] li', { timeout: 15_000 });
        expect(
          await add.$eval('[data-testid="outlet"]', (e) => (e as HTMLInputElement).value),
        ).toBe('Example Wire');
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
        const { page } = await openFixture(s, 'summit.html?t=lib2', { highlights: 5 });
        const card = await hoverUntilCard(s.eb, page, '#putin', 'Putin');
        expect(card?.text).toContain('Example Wire');
        expect(card?.text).toContain(NEW_QUOTE);
        expect(card?.text).toMatch(/RT/);
        await page.close();

        // The compare view takes the library article, and sets a linked bundled one beside it.
        const compare = await s.eb.openExtensionPage(`compare.html?a=${libraryIdFor(url)}`);
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

    it.skipIf(s.skip)(
      'exports, clears, imports everything back; a corrupt file changes nothing',
      async () => {
        // Its own library, whatever another test added: one article.
        const options = await openOptions(s.eb);
        await clearLibrary(options);
        await importFile(options, await wireLibraryFile(dir));
        await options.waitForSelector('[data-testid="library-list"] li');
        const before = await listed(options);
        expect(before).toEqual([WIRE_TITLE]);

        const exported = await exportLibrary(options);
        const data = JSON.parse(exported) as {
          articles: { title: string }[];
          statements: unknown[];
        };
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
            document
              .querySelector('[data-testid="library-ok"]')
              ?.textContent?.startsWith('Imported'),
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
        const popup = await s.eb.openExtensionPage('popup.html');
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

    it.skipIf(s.skip)(
      'reads a long article off the page’s thread, with progress, and can be stopped',
      async () => {
        const held = await openOptions(s.eb);
        const before = await listed(held);
        await held.close();
        const { page: article, url } = await openFixture(s, 'run-on.html?t=lib3', {
          highlights: 0,
        });
        const add = await s.eb.openExtensionPage(`add.html?tab=${await tabIdFor(s.eb, url)}`);
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
        const options = await openOptions(s.eb);
        expect(await listed(options)).toEqual(before);
        await options.close();
        await add.close();
        await article.close();
      },
      60_000,
    );

    it.skipIf(s.skip)('has a first-run page that shows a card on a sample article', async () => {
      const welcome = await s.eb.openExtensionPage('welcome.html');
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
  },
);
