import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/types';
import type { MentionCount, ScanStats } from '../../src/shared/protocol';
import {
  browsersToTest,
  cardState,
  launchWithExtension,
  sendToTabFrom,
  serveFixtures,
  tabIdOf,
  waitForCard,
  waitForHighlights,
  wordCenter,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

/** Another outlet's wording of a bundled Putin quotation: the card sets it beside RT's and CNN's. */
const PUTIN_QUOTE =
  'We hope that the dialogue will be resumed and that this meeting will take place';
const BRANDVOLD_QUOTE = 'Both delegations asked me for more time to consult their capitals';

/**
 * A library file with one article: a statement by Putin (a bundled person the page names)
 * and one by Ilse Brandvold, a person only this library knows, also named on the page.
 */
function libraryFile(): Dataset {
  const person = (id: string, name: string, role: string, country: string) => ({
    id,
    name,
    aliases: [],
    shortForms: [name.split(' ').at(-1)!],
    ambiguousShortForms: [],
    namesakes: [],
    titles: [],
    role,
    country,
    source: 'article' as const,
  });
  const statement = (n: number, speaker: string, text: string) => ({
    id: `lib-geneva-talks-s${n}`,
    article: 'lib-geneva-talks',
    paragraph: n,
    speaker,
    kind: 'quote' as const,
    text,
    channel: null,
  });
  return {
    version: 1,
    articles: [
      {
        id: 'lib-geneva-talks',
        file: 'geneva-talks.html',
        outlet: 'example-wire',
        title: 'Geneva talks stall as delegations ask for time',
        published: '2026-11-30',
        url: 'https://wire.example/geneva-talks',
        language: 'en',
        paragraphs: [`Putin said: "${PUTIN_QUOTE}."`, `Brandvold said: "${BRANDVOLD_QUOTE}."`],
      },
    ],
    people: [
      person('vladimir-putin', 'Vladimir Putin', 'President of Russia', 'RU'),
      person('ilse-brandvold', 'Ilse Brandvold', 'Mediator', 'NO'),
    ],
    outlets: [
      { id: 'example-wire', name: 'Example Wire', country: 'US', ownership: null, homepage: null },
    ],
    events: [],
    statements: [
      statement(0, 'vladimir-putin', PUTIN_QUOTE),
      statement(1, 'ilse-brandvold', BRANDVOLD_QUOTE),
    ],
    coverage: [],
    exclusives: [],
  };
}

async function seedLibrary(eb: ExtensionBrowser, file: string): Promise<void> {
  const options = await eb.openExtensionPage('options.html');
  const input = (await options.$('[data-testid="import"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await options.waitForFunction(
    () => document.querySelector('[data-testid="library-ok"]')?.textContent?.startsWith('Imported'),
    { timeout: 10_000 },
  );
  await options.close();
}

/** The content script's own report for the tab (through an extension page). */
async function pingOf(
  eb: ExtensionBrowser,
  url: string,
): Promise<{ stats: ScanStats | null; counts: MentionCount[] }> {
  const probe = await eb.openExtensionPage('popup.html');
  try {
    const tabId = await tabIdOf(probe, url);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const reply = (await sendToTabFrom(probe, tabId, { type: 'tab:ping', payload: {} })) as {
        stats: ScanStats | null;
        counts: MentionCount[];
      };
      if (reply.stats?.done || Date.now() > deadline) return reply;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await probe.close();
  }
}

/** Loads the prying page, waits for the scans to finish, and lets the page do its worst. */
async function pry(eb: ExtensionBrowser, server: FixtureServer, run: string) {
  const page = await eb.browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  const url = server.url(`prying.html?t=${run}`);
  await page.goto(url);
  await waitForHighlights(page, 1);
  const { counts } = await pingOf(eb, url);
  await page.bringToFront();
  const seen = await page.evaluate(() => (window as unknown as { __pry(): unknown }).__pry());
  return { page, counts: counts.map((c) => `${c.entity} ${c.count}`).sort(), seen };
}

describe.each(browsersToTest())('what a page can learn in $name', ({ name, skip }) => {
  let eb: ExtensionBrowser;
  let server: FixtureServer;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'counterpoint-privacy-'));

  beforeAll(async () => {
    if (skip) return;
    server = await serveFixtures();
    eb = await launchWithExtension(name);
  });
  afterAll(async () => {
    await eb?.close();
    await server?.close();
  });

  it.skipIf(skip)(
    'sees the same with and without a library, cannot open the card; the reader can',
    async () => {
      const empty = await pry(eb, server, 'empty');
      expect(empty.counts).toEqual(['vladimir-putin 1']);
      expect(await cardState(eb, empty.page)).toBeNull();
      await empty.page.close();

      const file = path.join(dir, 'library.json');
      writeFileSync(file, JSON.stringify(libraryFile()));
      await seedLibrary(eb, file);

      const seeded = await pry(eb, server, 'seeded');
      // The library is in use on this page: its own person was found (and not painted).
      expect(seeded.counts).toEqual(['ilse-brandvold 1', 'vladimir-putin 1']);
      // Synthetic input opened nothing.
      expect(await cardState(eb, seeded.page)).toBeNull();
      // Everything the page could observe is the same as with an empty library.
      expect(seeded.seen).toEqual(empty.seen);
      // And it did aim at the mentions: its events landed on their paragraphs.
      expect((seeded.seen as { hit: string[] }).hit).toEqual(['putin', 'brandvold']);
      expect((seeded.seen as { hosts: number }).hosts).toBe(0);

      // The reader's own pointer still opens the card, with the library's statements in it.
      const page = seeded.page;
      const restOn = async (selector: string, word: string, label: string) => {
        const { x, y } = await wordCenter(page, selector, word);
        await page.mouse.move(x - 3, y);
        await page.mouse.move(x, y);
        return waitForCard(eb, page, (c) => c?.label === label && !c.text.includes('Loading'));
      };
      // Which statements it then shows follows the card's own rules (an imported statement
      // with no links to other outlets' may not be among them); the page learnt none of it.
      await restOn('#putin', 'Putin', 'Vladimir Putin');
      await page.mouse.move(5, 5);
      await waitForCard(eb, page, (c) => c === null);
      const brandvold = await restOn('#brandvold', 'Brandvold', 'Ilse Brandvold');
      // Who she is comes from the library alone.
      expect(brandvold?.text).toContain('Mediator');
      // The card's root stays closed to the page, and nothing outside it mirrors the card.
      expect(
        await page.evaluate(() => {
          const host = document.querySelector('counterpoint-ui')!;
          return {
            root: String(host.shadowRoot),
            attributes: host.getAttributeNames(),
            text: host.textContent,
            // Ids and aria-* outside the root: the page's own ids, nothing of ours.
            refs: [...document.querySelectorAll('*')].flatMap((el) =>
              el
                .getAttributeNames()
                .filter((a) => a.startsWith('aria-') || a === 'id')
                .map((a) => `${a}=${el.getAttribute(a)}`),
            ),
          };
        }),
      ).toEqual({
        root: 'null',
        attributes: ['style'],
        text: '',
        refs: ['id=putin', 'id=brandvold', 'id=field-wrap', 'id=field'],
      });
      await page.close();
    },
    60_000,
  );
});
