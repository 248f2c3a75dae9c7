import { expect, it } from 'vitest';
import { describeInBrowsers, tabIdFor } from './suite';

describeInBrowsers('extension loads', {}, (s) => {
  it.skipIf(s.skip)(
    'runs the content script on a 127.0.0.1 page and renders the popup',
    async () => {
      const page = await s.eb.browser.newPage();
      const url = s.server.url('summit.html');
      await page.goto(url);
      const tabId = await tabIdFor(s.eb, url);
      const popup = await s.eb.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitForSelector('[data-testid="page-host"]', { timeout: 15_000 });
      const host = await popup.$eval('[data-testid="page-host"]', (el) => el.textContent);
      expect(host).toBe('127.0.0.1');
      expect(await popup.$eval('h1', (el) => el.textContent)).toBe('Counterpoint');
    },
  );
});
