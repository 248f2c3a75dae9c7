/**
 * What component tests share (files that run in jsdom: `// @vitest-environment jsdom`): the
 * English catalogue behind WXT's fake `browser.i18n`, the packaged files an extension page
 * fetches, and an accessibility check with axe-core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import { axe } from 'vitest-axe';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Catalogue = Record<string, { message: string }>;

/**
 * `browser.i18n` over a real catalogue (`public/_locales/LANG`), with `$1`… substitutions as
 * browsers do: components are checked with the words a reader sees, not message keys.
 */
export function installCatalogue(lang = 'en'): void {
  const catalogue = JSON.parse(
    readFileSync(path.join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Catalogue;
  const i18n = fakeBrowser.i18n as unknown as {
    getMessage(key: string, subs?: string[]): string;
    getUILanguage(): string;
  };
  i18n.getMessage = (key, subs = []) =>
    (catalogue[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  i18n.getUILanguage = () => lang;
}

/**
 * Answers the extension page's fetches of its packaged files (`runtime.getURL(path)`) with
 * `files[path]` as JSON; anything else is a failed test, since pages make no other request.
 */
export function servePackaged(files: Record<string, unknown>): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request) => {
      const url = new URL(typeof input === 'string' ? input : 'url' in input ? input.url : input);
      const body = files[url.pathname];
      if (body === undefined) throw new Error(`unexpected fetch of ${url.href}`);
      return new Response(JSON.stringify(body));
    }),
  );
}

/**
 * Fails with each axe-core violation (rule, impact, the elements) in `root`. Colour contrast is
 * left to the e2e screenshots: jsdom lays nothing out, so axe cannot compute colours.
 */
export async function expectAccessible(root: Element): Promise<void> {
  const results = await axe(root, { rules: { 'color-contrast': { enabled: false } } });
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}
