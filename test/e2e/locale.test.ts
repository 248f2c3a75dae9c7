import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { hoverUntilCard } from './harness';
import { describeInBrowsers, openFixture, tabIdFor } from './suite';

const text = (page: Page, selector: string) =>
  page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
const attr = (page: Page, selector: string, name: string) =>
  page.$eval(selector, (e, n) => e.getAttribute(n), name);

// The browser's UI in French (Chromium --lang=fr, Firefox intl.locale.requested=fr with its
// French language pack): every extension surface speaks French.
describeInBrowsers('a French browser', { launch: { locale: 'fr' } }, (s) => {
  it.skipIf(s.skip)('shows the popup in French', async () => {
    const { page, url } = await openFixture(s, 'mentions.html?t=locale', { highlights: 5 });
    const popup = await s.eb.openExtensionPage(`popup.html?tab=${await tabIdFor(s.eb, url)}`);
    await popup.waitForSelector('[data-testid="mentions"] .mention');
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^fr/);
    expect(await text(popup, '#on-this-page')).toBe('Sur cette page');
    expect(await attr(popup, '[data-testid="search"]', 'placeholder')).toBe(
      'Personnes, déclarations, articles…',
    );
    expect(await text(popup, '[data-testid="add-article"]')).toBe(
      'Ajouter cet article à ma bibliothèque',
    );
    expect(await text(popup, '.switches')).toContain('Pause partout');
    // Plurals through Intl.PluralRules in the UI language.
    const counts = await popup.$$eval('.mention .count', (els) =>
      els.map((e) => e.getAttribute('aria-label')),
    );
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect(c).toMatch(/^\d+ mentions?$/);
    await popup.close();
    await page.close();
  });

  it.skipIf(s.skip)('shows the options page in French', async () => {
    const options = await s.eb.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="hover-delay"]');
    expect(await options.title()).toBe('Paramètres de Counterpoint');
    expect(await text(options, '#library-heading')).toBe('Votre bibliothèque');
    expect(await text(options, '#settings-title')).toBe('Paramètres');
    expect(await text(options, '[data-testid="reset"]')).toBe('Rétablir les valeurs par défaut');
    expect(await text(options, '.settings')).toContain('Style de surlignage');

    // An import that fails says why in French too, naming the file.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'counterpoint-fr-')), 'broken.json');
    writeFileSync(file, '{"version": 1, "articles": [');
    const input = (await options.$('[data-testid="import"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await options.waitForSelector('[data-testid="library-error"]');
    const error = await text(options, '[data-testid="library-error"]');
    expect(error).toContain('broken.json : ce n’est pas un fichier JSON');
    expect(error).toContain('Votre bibliothèque n’a pas été modifiée.');
    await options.close();
  });

  it.skipIf(s.skip)('shows the card in French', async () => {
    const { page } = await openFixture(s, 'summit.html?t=locale-card', { highlights: 5 });
    const card = await hoverUntilCard(s.eb, page, '#putin', 'Putin', 8_000);
    expect(card?.label).toBe('Vladimir Putin');
    expect(card?.text).toContain('Comment les médias ont rapporté les mêmes mots');
    expect(card?.text).toContain('Russie');
    // Dates in French through Intl.
    expect(card?.text).toMatch(/24 mai 2018/);
    await page.close();
  });
});
