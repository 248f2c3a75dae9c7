import { expect, it } from 'vitest';
import { HIGHLIGHT_NAME, highlightedTexts } from './harness';
import { describeInBrowsers, openFixture, scanStats } from './suite';

/**
 * One paragraph of 1,500 links (a fan site's kudos list, 20 KB of text): long enough that the
 * finder splits it and reports the text node holding an anchor, not the paragraph. A false
 * anchor ("Kimi" holds "Kim") must cost one read of the paragraph's text, and a real name must
 * still be marked where it is.
 */
function kudos(named: string): string {
  const links = Array.from({ length: 1500 }, (_, i) =>
    i === 700
      ? `<a href="#u${i}">Atashi_wa_Kimi</a>`
      : i === 1200
        ? `<a href="#u${i}" id="named">${named}</a>`
        : `<a href="#u${i}">reader_${i}</a>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kudos</title></head>
<body><h1>Kudos</h1><p id="kudos">${links.join(', ')} left kudos on this work.</p></body></html>`;
}

describeInBrowsers(
  'a long paragraph of links',
  {
    generated: {
      '/gen/kudos-named.html': kudos('Vladimir Putin'),
      '/gen/kudos-none.html': kudos('reader_1200'),
    },
  },
  (s) => {
    it.skipIf(s.skip)(
      'marks the one name in it, at its place, and nothing for "Kimi"',
      async () => {
        const { page, url } = await openFixture(s, 'gen/kudos-named.html', { highlights: 1 });
        const stats = await scanStats(s.eb, url);
        expect(stats.mentions).toBe(1);
        expect(await highlightedTexts(page)).toEqual(['Vladimir Putin']);
        // The mark's range is the link's own text node.
        const inLink = await page.evaluate((name) => {
          const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
          const [range] = [...(h.get(name) ?? [])];
          return range?.startContainer.parentElement?.id ?? null;
        }, HIGHLIGHT_NAME);
        expect(inLink).toBe('named');
        await page.close();

        const none = await openFixture(s, 'gen/kudos-none.html', { highlights: 0 });
        const quiet = await scanStats(s.eb, none.url);
        expect(quiet.mentions).toBe(0);
        expect(await highlightedTexts(none.page)).toEqual([]);
        await none.page.close();
      },
    );
  },
);
