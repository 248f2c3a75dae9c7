import { expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { HIGHLIGHT_NAME, highlightedTexts, waitForHighlights } from './harness';
import { describeInBrowsers, openFixture, scanReport, scanStats } from './suite';

// A headline in title case names Trump; the prose below names another Trump.
const TITLE_CASE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Headline</title></head>
<body><h1>Critics Say Trump Appointees Can Dodge a Tax Bill</h1>
<p>The builder was New York's Fred Trump said a neighbour.</p></body></html>`;

// A headline in title case that ends with a surname; prose that ends with another Trump.
const TITLE_END = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Headline</title></head>
<body><h1>Macron Rebukes Trump</h1>
<p>The letter was signed by Ted Trump.</p></body></html>`;

// Paragraphs holding other elements than the common inline tags: read the exact way.
const INLINE_TAGS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tags</title></head>
<body><p>President <a href="#">Vladimir</a> <em>Putin</em> and <b>Macron</b>.</p>
<p>Vladimir <x-tip>Putin</x-tip> and <label>Macron</label>.</p>
<p>Putin said <code>Macron</code>.</p>
<p>Putin said <span hidden>Macron</span>.</p>
<p>Putin said <span contenteditable="true">Macron</span>.</p></body></html>`;

const PAGES = {
  '/title-case.html': TITLE_CASE,
  '/title-end.html': TITLE_END,
  '/inline-tags.html': INLINE_TAGS,
};

/** Each of our highlight's ranges as "TAG:text", the tag being its first text node's parent's. */
function markedInTags(page: Page): Promise<string[]> {
  return page.evaluate((name) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    return [...(registry.get(name) ?? [])].map(
      (r) =>
        `${r.startContainer.parentElement?.tagName}:${r.startContainer.textContent?.slice(r.startOffset, r.endOffset)}`,
    );
  }, HIGHLIGHT_NAME);
}

describeInBrowsers('highlights', { generated: PAGES }, (s) => {
  it.skipIf(s.skip)(
    'marks people and the event, names split across elements included',
    async () => {
      const { page } = await openFixture(s, 'summit.html?t=high1', { highlights: 5 });
      const texts = await highlightedTexts(page);
      expect(texts).toContain('Singapore summit');
      expect(texts).toContain('Russian President Vladimir Putin');
      expect(texts).toContain('North Korean leader Kim Jong Un');
      expect(texts).toContain('French President Emmanuel Macron');
      expect(texts).toContain('Senator Konstantin Kosachev');
      await page.close();
    },
  );

  it.skipIf(s.skip)('skips namesakes, form fields and editors', async () => {
    const { page, url } = await openFixture(s, 'summit.html?t=high2', { highlights: 5 });
    // Nothing marked there, once the scan has read the whole page.
    await scanStats(s.eb, url);
    const texts = await highlightedTexts(page);
    expect(texts.join('|')).not.toMatch(/Melania|Jr|Kardashian/);
    // Field and editor text sits in its own nodes; no highlight may start inside them.
    const inside = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      const h = registry.get('counterpoint-mention');
      const skipped = ['#field', '#area', '#editor'].map((sel) => document.querySelector(sel)!);
      return [...(h ?? [])].filter((r) => skipped.some((el) => el.contains(r.startContainer)))
        .length;
    });
    expect(inside).toBe(0);
    await page.close();
  });

  it.skipIf(s.skip)('reads a title-case headline, and a given name in prose', async () => {
    const { page, url } = await openFixture(s, 'title-case.html');
    const report = await scanReport(s.eb, url);
    const marked = await markedInTags(page);
    expect(marked).toEqual(['H1:Trump']);
    expect(report.counts.find((c) => c.entity === 'donald-trump')?.count).toBe(1);
    await page.close();
  });

  it.skipIf(s.skip)('reads a surname that ends a title-case headline', async () => {
    const { page, url } = await openFixture(s, 'title-end.html');
    const report = await scanReport(s.eb, url);
    const marked = await markedInTags(page);
    expect(marked.sort()).toEqual(['H1:Macron', 'H1:Trump']);
    expect(report.counts.find((c) => c.entity === 'donald-trump')?.count).toBe(1);
    await page.close();
  });

  it.skipIf(s.skip)('leaves out code, hidden and editable text inside a paragraph', async () => {
    const { page, url } = await openFixture(s, 'inline-tags.html');
    const report = await scanReport(s.eb, url);
    const count = (id: string) => report.counts.find((c) => c.entity === id)?.count;
    expect([count('vladimir-putin'), count('emmanuel-macron')]).toEqual([5, 2]);
    await page.close();
  });

  it.skipIf(s.skip)('leaves the DOM as it was: the page observer sees no change', async () => {
    const { page, url } = await openFixture(s, 'summit.html?t=high3', { highlights: 5 });
    // The end of the work, as the content script reports it: its scan has finished.
    await scanStats(s.eb, url);
    const mutations = await page.evaluate(
      () => (window as unknown as { __mutations: unknown[] }).__mutations,
    );
    expect(mutations).toEqual([]);
    await page.close();
  });

  it.skipIf(s.skip)('finds mentions in content the page appends while you watch', async () => {
    const { page } = await openFixture(s, 'summit.html?t=high4', { highlights: 5 });
    const before = (await highlightedTexts(page)).length;
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.append(
        'Later, Leonid Slutsky said the ',
        Object.assign(document.createElement('em'), { textContent: 'Trump–Kim summit' }),
        ' had been doomed.',
      );
      document.querySelector('article')!.append(p);
    });
    await waitForHighlights(page, before + 2);
    const texts = await highlightedTexts(page);
    expect(texts).toContain('Leonid Slutsky');
    expect(texts).toContain('Trump–Kim summit');
    await page.close();
  });

  it.skipIf(s.skip)('re-applies its highlights when the page clears CSS.highlights', async () => {
    const { page } = await openFixture(s, 'summit.html?t=high5', { highlights: 5 });
    await page.evaluate(() =>
      (CSS as unknown as { highlights: Map<string, unknown> }).highlights.clear(),
    );
    await waitForHighlights(page, 5, 5_000);
    await page.close();
  });
});
