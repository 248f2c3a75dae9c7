import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { HIGHLIGHT_NAME, sendToTabFrom, tabIdOf, waitInPage } from './harness';
import { describeInBrowsers, openFixture, scanReport, scanStats, type BrowserSuite } from './suite';

// A political story: Trump in each of ten paragraphs, Putin in one. Quiet default: a person is
// marked at the first mention and again only three paragraphs that name someone later.
const PARAGRAPHS = Array.from({ length: 10 }, (_, i) =>
  i === 4
    ? `<p>Paragraph ${i}: President Donald Trump spoke, and Vladimir Putin answered.</p>`
    : `<p>Paragraph ${i}: President Donald Trump said something about trade.</p>`,
).join('\n');
// Tall paragraphs, so where "reveal" scrolls tells which mention the cursor is on.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiet</title>
<style>p { margin: 0 0 700px; } body { padding-bottom: 2000px; }</style></head>
<body><article>${PARAGRAPHS}</article></body></html>`;

const marks = (page: Page) =>
  page.evaluate((name) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
      .highlights;
    return [...(registry?.get(name) ?? [])]
      .map(
        (r) =>
          `${r.startContainer.parentElement?.textContent?.slice(0, 11)}:${r.startContainer.textContent?.slice(r.startOffset, r.endOffset)}`,
      )
      .sort();
  }, HIGHLIGHT_NAME);

// The same rule on a Russian page, with declined forms.
const RU_FORMS = ['Владимир Путин', 'Путина', 'Путину', 'Путиным', 'Путине'];
const PAGE_RU = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Тихо</title></head>
<body><article>${RU_FORMS.map((f, i) => `<p>Абзац ${i}: ${f} и другие.</p>`).join('\n')}</article></body></html>`;

/**
 * A quiet page of its own (`run` keeps its URL apart) and an options page, once the scan is
 * done: each test starts from a fresh cursor and the default settings.
 */
async function quietPage(s: BrowserSuite, file: string, run: string) {
  const { page, url } = await openFixture(s, `${file}?t=${run}`);
  const report = await scanReport(s.eb, url);
  const options = await s.eb.openExtensionPage('options.html');
  await options.waitForSelector('[data-testid="mark-every"]');
  const tabId = await tabIdOf(options, url);
  return { page, url, report, options, tabId };
}

describeInBrowsers(
  'quiet marks',
  { generated: { '/quiet.html': PAGE, '/quiet-ru.html': PAGE_RU } },
  (s) => {
    it.skipIf(s.skip)(
      'marks a first mention, then one every few paragraphs; counts every mention',
      async () => {
        const { page, report, options } = await quietPage(s, 'quiet.html', 'first');
        expect(await marks(page)).toEqual([
          'Paragraph 0:President Donald Trump',
          'Paragraph 3:President Donald Trump',
          'Paragraph 4:Vladimir Putin',
          'Paragraph 6:President Donald Trump',
          'Paragraph 9:President Donald Trump',
        ]);
        // "On this page" counts every mention, marked or not.
        expect(report.counts.find((c) => c.entity === 'donald-trump')?.count).toBe(10);
        expect(report.stats).toMatchObject({ mentions: 11, marks: 5 });
        await options.close();
        await page.close();
      },
    );

    it.skipIf(s.skip)('works the same on a Russian page, declined forms included', async () => {
      const { page, report, options } = await quietPage(s, 'quiet-ru.html', 'ru');
      expect(await marks(page)).toEqual(['Абзац 0: Вл:Владимир Путин', 'Абзац 3: Пу:Путиным']);
      expect(report.counts.find((c) => c.entity === 'vladimir-putin')?.count).toBe(5);
      await options.close();
      await page.close();
    });

    it.skipIf(s.skip)('the keyboard cursor visits marks only', async () => {
      const { page, options, tabId } = await quietPage(s, 'quiet.html', 'cursor');
      const visited: string[] = [];
      for (let i = 0; i < 5; i++) {
        const moved = await sendToTabFrom(options, tabId, {
          type: 'tab:reveal',
          payload: { entity: 'donald-trump' },
        });
        expect(moved).toBe(true);
        // The mention is scrolled to a third of the viewport's height.
        visited.push(
          await page.evaluate(
            () =>
              document.elementFromPoint(30, innerHeight / 3 + 4)?.textContent?.slice(0, 11) ?? '',
          ),
        );
      }
      expect(visited).toEqual([
        'Paragraph 0',
        'Paragraph 3',
        'Paragraph 6',
        'Paragraph 9',
        'Paragraph 0',
      ]);
      await page.keyboard.press('Escape');
      await options.close();
      await page.close();
    });

    it.skipIf(s.skip)(
      'a person the reader hides is neither marked nor counted, and back',
      async () => {
        const { page, url, options } = await quietPage(s, 'quiet.html', 'hidden');
        await options.click('input[data-entity="vladimir-putin"]');
        await waitInPage(page, () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> })
            .highlights;
          return (registry?.get('counterpoint-mention')?.size ?? 0) === 4;
        });
        expect(await marks(page)).toEqual([
          'Paragraph 0:President Donald Trump',
          'Paragraph 3:President Donald Trump',
          'Paragraph 6:President Donald Trump',
          'Paragraph 9:President Donald Trump',
        ]);
        const hidden = await scanReport(s.eb, url);
        expect(hidden.counts.map((c) => c.entity)).not.toContain('vladimir-putin');
        await options.click('input[data-entity="vladimir-putin"]');
        await waitInPage(page, () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> })
            .highlights;
          return (registry?.get('counterpoint-mention')?.size ?? 0) === 5;
        });
        expect(await marks(page)).toContain('Paragraph 4:Vladimir Putin');
        await options.close();
        await page.close();
      },
    );

    it.skipIf(s.skip)('"Mark every mention" applies at once, and back', async () => {
      const { page, url, options } = await quietPage(s, 'quiet.html', 'every');
      await options.click('[data-testid="mark-every"]');
      await waitInPage(page, () => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
        return (registry?.get('counterpoint-mention')?.size ?? 0) === 11;
      });
      expect((await marks(page)).filter((m) => m.endsWith('President Donald Trump'))).toHaveLength(
        10,
      );
      await options.click('[data-testid="mark-every"]');
      await waitInPage(page, () => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
        return (registry?.get('counterpoint-mention')?.size ?? 0) === 5;
      });
      expect(await scanStats(s.eb, url)).toMatchObject({ mentions: 11, marks: 5 });
      await options.close();
      await page.close();
    });
  },
);
