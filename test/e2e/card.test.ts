import { beforeAll, expect, it } from 'vitest';
import {
  hoverUntilCard,
  launchWithExtension,
  LAUNCHING_TEST_TIMEOUT,
  ROOT,
  sendToTabFrom,
  tabIdOf,
  waitForCard,
} from './harness';
import { describeInBrowsers, openDarkPage, openFixture, settleForScreenshot } from './suite';
import path from 'node:path';
import { mkdirSync } from 'node:fs';

const ARTIFACTS = path.join(ROOT, 'test-results');

describeInBrowsers('hover card', {}, (s) => {
  const { name } = s;
  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  it.skipIf(s.skip)('opens on a resting pointer with both outlets side by side', async () => {
    const { page } = await openFixture(s, 'summit.html?t=card1', { highlights: 5 });
    const card = await hoverUntilCard(s.eb, page, '#putin', 'Putin', 5_000);
    expect(card?.label).toBe('Vladimir Putin');
    expect(card?.text).toContain('has done everything he previously promised');
    expect(card?.text).toContain('Kim Jong Un on his part did everything he promised to do');
    expect(card?.text).toMatch(/RT.*CNN|CNN.*RT/);
    // Peer differences: CNN's own words are marked against the most common wording.
    expect(card?.marked.join(' ')).toMatch(/on his part/);
    expect(card?.removed).toEqual([]);
    await settleForScreenshot(page);
    await page.screenshot({ path: path.join(ARTIFACTS, `card-light-${name}.png`) });

    // Esc closes it.
    await page.keyboard.press('Escape');
    await waitForCard(s.eb, page, (c) => c === null, 3_000);

    // The page's DOM gained our one host element and nothing else.
    const mutations = await page.evaluate(
      () =>
        (
          window as unknown as {
            __mutations: { added: string[]; removed: string[]; type: string }[];
          }
        ).__mutations,
    );
    const added = mutations.flatMap((m) => m.added);
    expect(added).toEqual(['COUNTERPOINT-UI']);
    expect(mutations.flatMap((m) => m.removed)).toEqual([]);
    expect(mutations.filter((m) => m.type !== 'childList')).toEqual([]);
    await page.close();
  });

  it.skipIf(s.skip)(
    'opens from the keyboard with focus inside, and Esc gives focus back',
    async () => {
      const { page, url } = await openFixture(s, 'summit.html?t=card2', { highlights: 5 });
      await page.focus('#field');
      const probe = await s.eb.openExtensionPage('popup.html');
      // What the keyboard shortcut (commands API) does: reveal the next mention.
      await sendToTabFrom(probe, await tabIdOf(probe, url), {
        type: 'tab:reveal',
        payload: { entity: null },
      });
      await probe.close();
      await page.bringToFront();
      const card = await waitForCard(s.eb, page, (c) => c !== null, 5_000);
      expect(card?.label).toBe('Donald Trump');
      expect(card?.focused).toBe(true);
      await page.keyboard.press('Escape');
      await waitForCard(s.eb, page, (c) => c === null, 3_000);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field');
      await page.close();
    },
  );

  it.skipIf(s.skip)(
    'follows a dark colour scheme',
    async () => {
      // A browser launched dark, so both browsers check it (see openDarkPage).
      const dark = await launchWithExtension(name, { colorScheme: 'dark' });
      try {
        const page = await openDarkPage(
          dark,
          s.server.url('summit.html?t=card3'),
          { width: 1100, height: 800 },
          5,
        );
        const card = await hoverUntilCard(dark, page, '#putin', 'Putin', 5_000);
        expect(card?.background).toBe('rgb(28, 32, 38)');
        await settleForScreenshot(page);
        await page.screenshot({ path: path.join(ARTIFACTS, `card-dark-${name}.png`) });
      } finally {
        await dark.close();
      }
    },
    LAUNCHING_TEST_TIMEOUT,
  );
});
