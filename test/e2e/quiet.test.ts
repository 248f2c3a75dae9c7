import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_NAME,
  browsersToTest,
  launchWithExtension,
  sendToTabFrom,
  serveFixtures,
  tabIdOf,
  waitForHighlights,
  waitInPage,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

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

interface Ping {
  counts: { entity: string; count: number }[];
  stats: { done: boolean; mentions: number; marks: number } | null;
}

describe.each(browsersToTest())('quiet marks in $name', ({ name, skip }) => {
  let eb: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;
  let options: Page;
  let tabId: number;
  const ping = async () =>
    (await sendToTabFrom(options, tabId, { type: 'tab:ping', payload: {} })) as Ping;

  beforeAll(async () => {
    if (skip) return;
    server = await serveFixtures({}, { '/quiet.html': PAGE });
    eb = await launchWithExtension(name);
    page = await eb.browser.newPage();
    const url = server.url('quiet.html');
    await page.goto(url);
    await waitForHighlights(page, 1);
    options = await eb.openExtensionPage('options.html');
    tabId = await tabIdOf(options, url);
    await options.waitForSelector('[data-testid="mark-every"]');
  });
  afterAll(async () => {
    await eb?.close();
    await server?.close();
  });

  it.skipIf(skip)(
    'marks a first mention, then one every few paragraphs; counts every mention',
    async () => {
      const deadline = Date.now() + 10_000;
      let reply = await ping();
      while (!reply.stats?.done && Date.now() < deadline) reply = await ping();
      expect(reply.stats?.done).toBe(true);
      expect(await marks(page)).toEqual([
        'Paragraph 0:President Donald Trump',
        'Paragraph 3:President Donald Trump',
        'Paragraph 4:Vladimir Putin',
        'Paragraph 6:President Donald Trump',
        'Paragraph 9:President Donald Trump',
      ]);
      // "On this page" counts every mention, marked or not.
      expect(reply.counts.find((c) => c.entity === 'donald-trump')?.count).toBe(10);
      expect(reply.stats).toMatchObject({ mentions: 11, marks: 5 });
    },
  );

  it.skipIf(skip)('the keyboard cursor visits marks only', async () => {
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
          () => document.elementFromPoint(30, innerHeight / 3 + 4)?.textContent?.slice(0, 11) ?? '',
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
  });

  it.skipIf(skip)('"Mark every mention" applies at once, and back', async () => {
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
    expect((await ping()).stats).toMatchObject({ mentions: 11, marks: 5 });
  });
});
