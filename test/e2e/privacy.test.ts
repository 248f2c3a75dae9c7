import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/types';
import { cardState, waitForCard, wordCenter } from './harness';
import {
  describeInBrowsers,
  importLibraryFile,
  openFixture,
  scanReport,
  type BrowserSuite,
} from './suite';

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

/** Loads the prying page, waits for the scans to finish, and lets the page do its worst. */
async function pry(s: BrowserSuite, run: string) {
  const { page, url } = await openFixture(s, `prying.html?t=${run}`);
  const { counts } = await scanReport(s.eb, url);
  await page.bringToFront();
  const seen = await page.evaluate(() => (window as unknown as { __pry(): unknown }).__pry());
  return { page, counts: counts.map((c) => `${c.entity} ${c.count}`).sort(), seen };
}

describeInBrowsers('what a page can learn', {}, (s) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'counterpoint-privacy-'));

  it.skipIf(s.skip)(
    'sees the same with and without a library, cannot open the card; the reader can',
    async () => {
      const empty = await pry(s, 'empty');
      expect(empty.counts).toEqual(['vladimir-putin 1']);
      expect(await cardState(s.eb, empty.page)).toBeNull();
      await empty.page.close();

      const file = path.join(dir, 'library.json');
      writeFileSync(file, JSON.stringify(libraryFile()));
      await importLibraryFile(s.eb, file);

      const seeded = await pry(s, 'seeded');
      // The library is in use on this page: its own person was found (and not painted).
      expect(seeded.counts).toEqual(['ilse-brandvold 1', 'vladimir-putin 1']);
      // Synthetic input opened nothing.
      expect(await cardState(s.eb, seeded.page)).toBeNull();
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
        return waitForCard(s.eb, page, (c) => c?.label === label && !c.text.includes('Loading'));
      };
      // Which statements it then shows follows the card's own rules (an imported statement
      // with no links to other outlets' may not be among them); the page learnt none of it.
      await restOn('#putin', 'Putin', 'Vladimir Putin');
      await page.mouse.move(5, 5);
      await waitForCard(s.eb, page, (c) => c === null);
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
