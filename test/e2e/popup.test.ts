import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { highlightedTexts, waitForCard, waitForHighlights, waitInPage } from './harness';
import { describeInBrowsers, openFixture, scanStats, tabIdFor, type BrowserSuite } from './suite';

/** Result rows the popup shows, as "kind: text". */
const results = (popup: Page) =>
  popup.$$eval('[role="option"]', (els) =>
    els.map(
      (el) =>
        `${(el as HTMLElement).dataset.kind}: ${el.querySelector('.result__title')!.textContent}`,
    ),
  );

/** Sets the search box to `query` in one input event, as a paste would. */
const setQuery = (popup: Page, query: string) =>
  popup.$eval(
    '[data-testid="search"]',
    (el, q) => {
      (el as HTMLInputElement).value = q;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    query,
  );

/**
 * Searches `query` and waits for its own results. The box is emptied first (which clears the
 * results), then set in one event: whatever results appear after that answer this query, not a
 * prefix typed on the way to it.
 */
async function typeQuery(popup: Page, query: string) {
  await setQuery(popup, '');
  await popup.waitForFunction(
    () =>
      document.querySelector('[role="option"]') === null &&
      document.querySelector('[data-testid="no-results"]') === null,
    { timeout: 10_000 },
  );
  await setQuery(popup, query);
  await popup.waitForFunction(
    () =>
      document.querySelector('[role="option"]') !== null ||
      document.querySelector('[data-testid="no-results"]') !== null,
    { timeout: 10_000 },
  );
}

/**
 * A fresh page of mentions and the popup opened for its tab: each test starts from its own,
 * whatever an earlier one left open or changed.
 */
async function popupFor(s: BrowserSuite, run: string): Promise<{ page: Page; popup: Page }> {
  const { page, url } = await openFixture(s, `mentions.html?t=${run}`, { highlights: 5 });
  // The counts the popup lists are final once the scan is.
  await scanStats(s.eb, url);
  const popup = await s.eb.openExtensionPage(`popup.html?tab=${await tabIdFor(s.eb, url)}`);
  return { page, popup };
}

describeInBrowsers('the toolbar popup', {}, (s) => {
  it.skipIf(s.skip)('finds statements from typed and misspelled queries', async () => {
    const popup = await s.eb.openExtensionPage('popup.html');
    await typeQuery(popup, 'Kosachov');
    const kosachev = await results(popup);
    expect(kosachev[0]).toBe('person: Konstantin Kosachev');
    expect(kosachev.filter((r) => r.startsWith('statement:')).length).toBeGreaterThan(2);

    await typeQuery(popup, 'nucelar showdown');
    expect(await results(popup)).toEqual(['statement: nuclear-to-nuclear showdown']);
    const marked = await popup.$$eval('[role="option"] mark', (m) => m.map((x) => x.textContent));
    expect(marked).toEqual(expect.arrayContaining(['nuclear', 'showdown']));

    await typeQuery(popup, 'Klintsevitch');
    expect((await results(popup))[0]).toBe('person: Franz Klintsevich');

    await typeQuery(popup, 'xqzvwy');
    expect(await popup.$('[data-testid="no-results"]')).not.toBeNull();
    await popup.close();
  });

  it.skipIf(s.skip)(
    'is used from the keyboard: arrows, Enter opens the coverage, Esc',
    async () => {
      const popup = await s.eb.openExtensionPage('popup.html');
      await typeQuery(popup, 'dialog resumed');
      const rows = await results(popup);
      const target = rows.findIndex((r) => r.startsWith('statement: We hope that dialogue'));
      expect(target).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < target; i++) await popup.keyboard.press('ArrowDown');
      const active = await popup.$eval(
        '[aria-selected="true"] .result__title',
        (el) => el.textContent,
      );
      expect(active).toMatch(/^We hope that dialogue will be resumed/);
      await popup.keyboard.press('Enter');
      await popup.waitForSelector('[data-testid="statement-detail"] .version');
      const outlets = await popup.$$eval(
        '[data-testid="statement-detail"] .version .outlet',
        (els) => els.map((e) => e.textContent),
      );
      // CNN's translation shares few words with RT's but opens the same way: one remark, two rows.
      expect([...outlets].sort()).toEqual(['CNN', 'RT']);
      expect(await popup.$('[data-testid="no-claim"]')).toBeNull();
      await popup.keyboard.press('Escape');
      await popup.waitForSelector('[data-testid="statement-detail"]', { hidden: true });
      expect(
        await popup.$eval('[data-testid="search"]', (el) => (el as HTMLInputElement).value),
      ).toBe('dialog resumed');
      await popup.focus('[data-testid="search"]');
      await popup.keyboard.press('Escape');
      expect(
        await popup.$eval('[data-testid="search"]', (el) => (el as HTMLInputElement).value),
      ).toBe('');
      await popup.close();
    },
  );

  it.skipIf(s.skip)(
    'shows a statement no other outlet matched without claiming it exclusive',
    async () => {
      const popup = await s.eb.openExtensionPage('popup.html');
      await typeQuery(popup, 'jointly working');
      await popup.click('[role="option"][data-kind="statement"]');
      await popup.waitForSelector('[data-testid="statement-detail"] .version');
      const outlets = await popup.$$eval(
        '[data-testid="statement-detail"] .version .outlet',
        (els) => els.map((e) => e.textContent),
      );
      // CNN only paraphrases it loosely ("bridge the gap"): RT's version stands alone, and no
      // "only in RT" is claimed, since CNN may carry it.
      expect(outlets).toEqual(['RT']);
      expect(await popup.$('[data-testid="no-claim"]')).not.toBeNull();
      await popup.keyboard.press('Escape');
      await popup.waitForSelector('[data-testid="statement-detail"]', { hidden: true });
      await popup.close();
    },
  );

  it.skipIf(s.skip)('lists the people and the event on this page with their counts', async () => {
    const { page, popup } = await popupFor(s, 'popup-list');
    await popup.waitForSelector('[data-testid="mentions"]');
    const listed = await popup.$$eval('[data-testid="mentions"] .mention', (els) =>
      els.map(
        (el) =>
          `${el.querySelector('.name')!.textContent} ${el.querySelector('.count')!.textContent}`,
      ),
    );
    expect(listed.sort()).toEqual(
      [
        'Donald Trump 2',
        'Emmanuel Macron 2',
        'Kim Jong-un 1',
        'Singapore summit 1',
        'Vladimir Putin 3',
      ].sort(),
    );
    await popup.close();
    await page.close();
  });

  it.skipIf(s.skip)(
    'choosing a person on this page scrolls to them and opens the card',
    async () => {
      const { page, popup } = await popupFor(s, 'popup-choose');
      await popup.waitForSelector(
        '[data-testid="mentions"] .mention[data-entity="emmanuel-macron"]',
      );
      await popup.click('[data-testid="mentions"] .mention[data-entity="emmanuel-macron"]');
      // Asked through an extension page: the card's root is closed to the page.
      await waitForCard(s.eb, page, (c) => c?.label === 'Emmanuel Macron', 10_000);
      // Esc closes it again, from the page.
      await page.bringToFront();
      await page.keyboard.press('Escape');
      await waitForCard(s.eb, page, (c) => c === null, 5_000);
      await popup.close();
      await page.close();
    },
  );

  it.skipIf(s.skip)(
    'switches highlights off for the site and back on, without a reload',
    async () => {
      const { page, popup } = await popupFor(s, 'popup-switch');
      await popup.waitForSelector('[data-testid="site-switch"]');
      const before = await highlightedTexts(page);
      expect(before.length).toBeGreaterThan(5);
      await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
      await popup.click('[data-testid="site-switch"]');
      await waitInPage(page, () => {
        const h = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
        return (h.get('counterpoint-mention')?.size ?? 0) === 0;
      });
      await popup.click('[data-testid="site-switch"]');
      await waitForHighlights(page, before.length);
      expect((await highlightedTexts(page)).sort()).toEqual([...before].sort());
      // The same document throughout: no reload.
      expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(
        true,
      );
      await popup.close();
      await page.close();
    },
  );
});
