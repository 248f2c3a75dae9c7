import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { ROOT, hoverUntilCard } from './harness';
import { describeInBrowsers, openFixture, settleForScreenshot } from './suite';

const ARTIFACTS = path.join(ROOT, 'test-results', 'screens');
const WIDTHS = [320, 560];

/** Opens the popup's statement view for RT's "has done everything" and its versions. */
async function openStatement(popup: Page): Promise<void> {
  await popup.click('[data-testid="search"]', { count: 3 });
  await popup.keyboard.press('Backspace');
  await popup.type('[data-testid="search"]', 'done everything previously promised');
  await popup.waitForSelector('[role="option"][data-kind="statement"]');
  await popup.click('[role="option"][data-kind="statement"]');
  await popup.waitForSelector('[data-testid="statement-detail"] .version');
}

/** Each outlet line's height in lines of its own text. */
const outletLines = (popup: Page) =>
  popup.$$eval('[data-testid="statement-detail"] .source', (els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      return {
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight)),
      };
    }),
  );

// The compact outlet line ("CNN · US · private · date · article") in the popup's statement view,
// the component the card and the compare view share, at the popup's 320 px and at 560 px, in
// light and dark; screenshots of it and of the card are kept as test artifacts.
for (const scheme of ['light', 'dark'] as const) {
  const launch = scheme === 'dark' ? { colorScheme: 'dark' as const } : {};
  describeInBrowsers(`compact outlet lines, ${scheme},`, { launch }, (s) => {
    const { name } = s;
    beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

    it.skipIf(s.skip)(
      'statement view: one compact line per outlet, never wrapping twice',
      async () => {
        const popup = await s.eb.openExtensionPage('popup.html');
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          scheme === 'dark',
        );
        await openStatement(popup);
        for (const width of WIDTHS) {
          await popup.setViewport({ width, height: 900 });
          const lines = await outletLines(popup);
          expect(lines.map((l) => l.text)).toEqual(
            expect.arrayContaining([
              expect.stringMatching(/^RT · RU · state-funded · /),
              expect.stringMatching(/^CNN · US · private · /),
            ]),
          );
          for (const l of lines) expect(l.lines, `${width}px: ${l.text}`).toBeLessThanOrEqual(2);
          // The full profile once, under the group.
          const profiles = await popup.$$eval('.profiles dd', (els) =>
            els.map((e) => e.textContent),
          );
          expect(profiles.join(' | ')).toContain('Russian state-funded broadcaster');
          await popup.screenshot({
            path: path.join(ARTIFACTS, `statement-${scheme}-${width}-${name}.png`),
            fullPage: true,
          });
        }
        await popup.close();
      },
    );

    it.skipIf(s.skip)('card screenshots at 320 and 560 px', async () => {
      for (const width of WIDTHS) {
        const { page } = await openFixture(s, `summit.html?t=compact-${scheme}-${width}`, {
          highlights: 5,
          width,
          height: 900,
        });
        await hoverUntilCard(s.eb, page, '#putin', 'Putin', 8_000);
        await settleForScreenshot(page);
        await page.screenshot({
          path: path.join(ARTIFACTS, `card-${scheme}-${width}-${name}.png`),
        });
        await page.close();
      }
    });
  });
}
