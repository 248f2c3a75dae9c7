import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browsersToTest,
  launchWithExtension,
  serveFixtures,
  tabIdOf,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

describe.each(browsersToTest())('extension loads in $name', ({ name, skip }) => {
  let eb: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    if (skip) return;
    server = await serveFixtures();
    eb = await launchWithExtension(name);
  });
  afterAll(async () => {
    await eb?.close();
    await server?.close();
  });

  it.skipIf(skip)('runs the content script on a 127.0.0.1 page and renders the popup', async () => {
    const page = await eb.browser.newPage();
    const url = server.url('summit.html');
    await page.goto(url);
    const probe = await eb.openExtensionPage('popup.html');
    const tabId = await tabIdOf(probe, url);
    await probe.close();
    const popup = await eb.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="page-host"]', { timeout: 15_000 });
    const host = await popup.$eval('[data-testid="page-host"]', (el) => el.textContent);
    expect(host).toBe('127.0.0.1');
    expect(await popup.$eval('h1', (el) => el.textContent)).toBe('Counterpoint');
  });
});
