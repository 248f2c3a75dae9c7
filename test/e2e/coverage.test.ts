import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { readArticles } from '../../scripts/lib/dataset-files';
import type { ArticleInput } from '../../src/dataset';
import {
  cardState,
  CORPUS,
  hoverUntilCard,
  launchWithExtension,
  LAUNCHING_TEST_TIMEOUT,
  ROOT,
  waitForCard,
  type ExtensionBrowser,
} from './harness';
import {
  describeInBrowsers,
  importLibraryFile,
  openDarkPage,
  openFixture,
  settleForScreenshot,
  writeLibraryFile,
} from './suite';

const ARTIFACTS = path.join(ROOT, 'test-results');
const COVERAGE = path.join(CORPUS, 'coverage');

/** AP's translation of Putin's remark, as AP's story and the papers reprinting it carry it. */
const AP_WORDS =
  'did everything that he had promised in advance, even blowing up the tunnels and shafts';

/** Two more papers reprinting AP's wire copy word for word (written here, not copied). */
function wireCopies(): ArticleInput[] {
  return ['valley-gazette', 'harbor-times'].map((id, i) => ({
    file: `${id}.txt`,
    text:
      `Putin says North Korea kept its promises\n\n` +
      `Russian President Vladimir Putin said the North Korean leader "${AP_WORDS}" of the country's nuclear testing site. ` +
      `"After which, we heard about cancellation of the summit by the United States."\n`,
    meta: {
      outlet: {
        id,
        name: i === 0 ? 'Valley Gazette (AP)' : 'Harbor Times (AP)',
        country: 'US',
        ownership: 'US local newspaper',
      },
      published: '2018-05-24',
      url: `https://example.org/${id}/putin`,
      language: 'en',
    },
  }));
}

/**
 * A library file holding the real coverage articles plus the wire copies: built with the same
 * pipeline as the bundled dataset, without the bundled articles (their statements stay linked).
 */
async function libraryFile(dir: string): Promise<string> {
  return writeLibraryFile(
    [...(await readArticles(COVERAGE)), ...wireCopies()],
    path.join(dir, 'coverage-library.json'),
  );
}

/** The page a reader of AP's story sees: Putin's remark in AP's words. */
const AP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin meets Macron</title></head>
<body><article><h1>Putin meets Macron, says North Korea summit end regrettable</h1>
<!-- The headline holds the marked mention; the quote paragraph's "Putin" is a quiet repeat. -->
<p id="quote">At a joint news conference outside St. Petersburg, Russian President Vladimir Putin said the North Korean leader "${AP_WORDS}" of the country's nuclear testing site.</p>
</article></body></html>`;

/** Imports the AP-style articles and the wire copies into the browser's library. */
async function importLibrary(eb: ExtensionBrowser): Promise<void> {
  const file = await libraryFile(mkdtempSync(path.join(os.tmpdir(), 'counterpoint-coverage-')));
  await importLibraryFile(eb, file);
}

describeInBrowsers(
  'many versions of one utterance',
  {
    generated: { '/ap-story.html': AP_PAGE },
    skip: existsSync(COVERAGE) ? null : `no coverage corpus at ${COVERAGE}`,
    ready: (s) => importLibrary(s.eb),
  },
  (s) => {
    const { name } = s;
    beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

    it.skipIf(s.skip)(
      "sets the page's version beside RT's and CNN's, wire copies in one row",
      async () => {
        const { page } = await openFixture(s, 'ap-story.html', { height: 900 });
        await hoverUntilCard(s.eb, page, 'h1', 'Putin', 8_000);
        // Read through an extension page: the card's shadow root is closed to the page.
        await waitForCard(s.eb, page, (c) => c?.pageRows != null, 5_000);
        const card = (await cardState(s.eb, page, { expand: true }))!;
        const shown = { rows: card.pageRows!, more: card.more };
        expect(shown.rows).not.toBeNull();
        // AP's wording, word for word in three papers: one row, marked as what this page quotes.
        const ap = shown.rows.find((r) => r.page)!;
        expect(ap.outlets).toEqual(
          expect.arrayContaining(['Valley Gazette (AP)', 'Harbor Times (AP)']),
        );
        expect(ap.outlets.some((o) => o.startsWith('Waterloo Region Record'))).toBe(true);
        expect(ap.versions).toBe(3);
        expect(ap.text).toContain(AP_WORDS);
        // RT's and CNN's renderings stand beside it, their own words marked.
        const rt = shown.rows.find((r) => r.outlets.includes('RT') && r.text.includes('has done'))!;
        const cnn = shown.rows.find(
          (r) => r.outlets.includes('CNN') && r.text.includes('on his part'),
        )!;
        expect(rt.marked.join(' ')).toMatch(/previously/);
        expect(cnn.marked.join(' ')).toMatch(/on his part/);
        // CNN's syndicated copy (KXLY) shares CNN's row.
        expect(cnn.outlets).toEqual(['CNN', 'KXLY (CNN affiliate)']);
        const versions = shown.rows.reduce((n, r) => n + r.versions, 0);
        expect(versions).toBeGreaterThanOrEqual(10);
        await settleForScreenshot(page);
        await page.screenshot({
          path: path.join(ARTIFACTS, `versions-light-${name}.png`),
          clip: (await cardState(s.eb, page))!.rect,
        });
        await page.close();
      },
    );

    it.skipIf(s.skip)(
      'shows the many-version card in a dark colour scheme',
      async () => {
        // A browser launched dark (see openDarkPage), with the same library.
        const dark = await launchWithExtension(name, { colorScheme: 'dark' });
        try {
          await importLibrary(dark);
          const page = await openDarkPage(
            dark,
            s.server.url('ap-story.html?dark'),
            { width: 1100, height: 900 },
            1,
          );
          await hoverUntilCard(dark, page, 'h1', 'Putin', 8_000);
          await waitForCard(dark, page, (c) => c?.pageRows != null, 5_000);
          const card = await cardState(dark, page, { expand: true });
          expect(card?.background).toBe('rgb(28, 32, 38)');
          await settleForScreenshot(page);
          const file = path.join(ARTIFACTS, `versions-dark-${name}.png`);
          await page.screenshot({ path: file, clip: (await cardState(dark, page))!.rect });
          if (name === 'chromium') copyFileSync(file, path.join(ARTIFACTS, 'versions-dark.png'));
        } finally {
          await dark.close();
        }
      },
      LAUNCHING_TEST_TIMEOUT,
    );
  },
);
