import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { CORPUS, sendToTabFrom, tabIdOf } from './harness';
import { describeInBrowsers } from './suite';

const PAGES = readdirSync(path.join(CORPUS, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .sort();

interface Ping {
  url: string;
  stats: { done: boolean; mentions: number; longestSliceMs: number } | null;
}

/** The content script's reply, or null while there is none (navigating, not started). */
async function ping(probe: Page, tabId: number): Promise<Ping | null> {
  return (sendToTabFrom(probe, tabId, { type: 'tab:ping', payload: {} }) as Promise<Ping>).catch(
    () => null,
  );
}

// The page's own scripts are switched off (CSP) so every DOM change seen would be ours;
// extension content scripts are exempt from a page's CSP.
// Loads from other hosts are blocked too: the machine is offline and waiting for them is noise.
const NO_SCRIPTS = {
  'content-security-policy':
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'none'",
};

describeInBrowsers(
  'the 130 corpus pages',
  { headers: (p) => (p.startsWith('/corpus/') ? NO_SCRIPTS : {}) },
  (s) => {
    const { name } = s;

    it.skipIf(s.skip)(
      'load with the extension: scanned, no extension error, no DOM change',
      async () => {
        const page = await s.eb.browser.newPage();
        const errors: string[] = [];
        // Page scripts are off, so only our errors matter; Firefox also reports each blocked
        // load (the CSP doing its job) as a page error.
        const ours = /Counterpoint|counterpoint|-extension:\/\//;
        page.on('pageerror', (e) => {
          const text = String(e);
          if (/Content-Security-Policy/.test(text)) return;
          const stack = e instanceof Error ? (e.stack ?? '') : '';
          if (ours.test(text) || ours.test(stack)) errors.push(text);
        });
        page.on('console', (m) => {
          if (m.type() === 'error' && ours.test(m.text())) errors.push(m.text());
        });
        await page.evaluateOnNewDocument(() => {
          const seen: string[] = [];
          (window as unknown as { __changes: string[] }).__changes = seen;
          document.addEventListener('DOMContentLoaded', () => {
            new MutationObserver((records) => {
              for (const r of records) seen.push(`${r.type} ${r.target.nodeName}`);
            }).observe(document, {
              subtree: true,
              childList: true,
              attributes: true,
              characterData: true,
            });
          });
        });
        const first = s.server.url(`corpus/${PAGES[0]}`);
        await page.goto(first, { waitUntil: 'domcontentloaded' });
        const probe = await s.eb.openExtensionPage('popup.html');
        const tabId = await tabIdOf(probe, first);
        const failures: string[] = [];
        const notes: string[] = [];
        let mentions = 0;
        const slow: string[] = [];
        for (const file of PAGES) {
          const started = Date.now();
          const url = s.server.url(`corpus/${file}`);
          try {
            await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
          } catch (error) {
            // A page that navigates itself away (meta refresh) is not ours to judge.
            notes.push(`${file}: ${String(error).slice(0, 120)}`);
            continue;
          }
          const deadline = Date.now() + 15_000;
          let reply: Ping | null = null;
          while (Date.now() < deadline) {
            reply = await ping(probe, tabId);
            if (reply?.url === url && reply.stats?.done) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          if (!reply?.stats?.done) failures.push(`${file}: not scanned`);
          mentions += reply?.stats?.mentions ?? 0;
          const changes = await page.evaluate(
            () => (window as unknown as { __changes: string[] }).__changes,
          );
          if (changes.length)
            failures.push(`${file}: DOM changed (${changes.slice(0, 3).join(', ')})`);
          if (Date.now() - started > 1500) slow.push(`${file} ${Date.now() - started} ms`);
        }
        if (slow.length) console.warn(`[e2e] ${name}: slow pages:\n${slow.join('\n')}`);
        if (notes.length)
          console.warn(`[e2e] ${name}: pages that did not load:\n${notes.join('\n')}`);
        expect(notes.length).toBeLessThanOrEqual(3);
        expect(failures).toEqual([]);
        expect(errors).toEqual([]);
        // The corpus names Trump, Putin, Kim and Macron many times.
        expect(mentions).toBeGreaterThan(100);
      },
      600_000,
    );
  },
);
