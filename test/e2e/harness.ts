/**
 * Real-browser harness: loads the built extension into headless Chromium or Firefox
 * (puppeteer-core, the browsers from Debian) and serves fixture pages on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer-core';
import type { CardSnapshot } from '../../src/shared/protocol';
import { HIGHLIGHT_NAME } from '../../src/page/highlighter';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'test/e2e/fixtures');
export const CORPUS = process.env.COUNTERPOINT_CORPUS ?? path.resolve(ROOT, '../shared/corpus');

export type BrowserName = 'chromium' | 'firefox';

const GECKO_ID = 'counterpoint@counterpoint-reader.org';
const FIREFOX_UUID = '6f1d3c2a-9b7e-4c55-8a21-c0a7e5f1b2d4';

const BROWSERS: Record<BrowserName, { env: string; fallback: string; pkg: string; build: string }> =
  {
    chromium: {
      env: 'CHROMIUM_PATH',
      fallback: '/usr/bin/chromium',
      pkg: 'chromium',
      build: '.output/chrome-mv3',
    },
    firefox: {
      env: 'FIREFOX_PATH',
      fallback: '/usr/bin/firefox-esr',
      pkg: 'firefox-esr',
      build: '.output/firefox-mv2',
    },
  };

/** Where `npm run build` puts the extension for this browser. */
export function buildDir(name: BrowserName): string {
  return path.join(ROOT, BROWSERS[name].build);
}

export function executablePath(name: BrowserName): string {
  const b = BROWSERS[name];
  return process.env[b.env] ?? b.fallback;
}

/**
 * Why a browser cannot run here, or null when it can. Under CI a missing browser is a
 * failure (the suite throws), elsewhere the suite is skipped with this message.
 */
export function unavailable(name: BrowserName): string | null {
  const b = BROWSERS[name];
  const exe = executablePath(name);
  if (!existsSync(exe)) {
    return `${name} not found at ${exe}: install the Debian package "${b.pkg}" (apt-get install ${b.pkg}) or set ${b.env}.`;
  }
  if (!existsSync(path.join(ROOT, b.build, 'manifest.json'))) {
    return `no extension build at ${b.build}: run "npm run build" first.`;
  }
  return null;
}

/** Browsers this run covers; throws under CI=true when one is missing. */
export function browsersToTest(): { name: BrowserName; skip: string | null }[] {
  return (['chromium', 'firefox'] as const).map((name) => {
    const reason = unavailable(name);
    if (reason && process.env.CI === 'true') throw new Error(`CI: ${reason}`);
    if (reason) console.warn(`[e2e] skipping ${name}: ${reason}`);
    return { name, skip: reason };
  });
}

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** `chrome-extension://ID/` or `moz-extension://UUID/`. */
  base: string;
  /** Opens an extension page (popup.html, options.html, ...) and waits for it to load. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * A proxy that answers nothing and remembers every request sent through it. Browsers launched
 * with `proxy` send all traffic except loopback (our fixture server) here, so any request to the
 * outside world, from a page, a content script or the extension's background, is seen.
 */
export interface Trap {
  port: number;
  /** `GET http://host/path` or `CONNECT host:443`, in arrival order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startTrap(): Promise<Trap> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    hits.push(`CONNECT ${req.url}`);
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** How long one start of a browser may take before it is tried again. */
const LAUNCH_TIMEOUT = 60_000;

/** The timeout of a test that starts its own browser: room for two starts and the test. */
export const LAUNCHING_TEST_TIMEOUT = 3 * LAUNCH_TIMEOUT;

/**
 * `puppeteer.launch`, tried twice. On a loaded CI host Firefox once took over puppeteer's default
 * 30 s to print its endpoint; a second start with a fresh profile is what a person would do.
 */
async function launchBrowser(options: LaunchOptions): Promise<Browser> {
  try {
    return await puppeteer.launch({ timeout: LAUNCH_TIMEOUT, ...options });
  } catch (error) {
    console.warn(`browser start failed, starting it again: ${String(error)}`);
    return puppeteer.launch({ timeout: LAUNCH_TIMEOUT, ...options });
  }
}

/** Launches a browser with the built extension installed (optionally behind a `Trap`). */
export async function launchWithExtension(
  name: BrowserName,
  options: {
    proxy?: number;
    headless?: boolean;
    locale?: string;
    colorScheme?: 'dark';
    /** Another copy of the build to load (e.g. one with a damaged data file). */
    build?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const headless = options.headless ?? true;
  const { locale } = options;
  const dark = options.colorScheme === 'dark';
  const build = options.build ?? buildDir(name);
  if (name === 'chromium') {
    const browser = await launchBrowser({
      executablePath: executablePath(name),
      headless,
      pipe: true,
      enableExtensions: true,
      args: [
        ...CHROMIUM_FLAGS,
        ...(options.proxy ? [`--proxy-server=http://127.0.0.1:${options.proxy}`] : []),
        ...(locale ? [`--lang=${locale}`] : []),
        ...(dark ? ['--force-dark-mode'] : []),
      ],
      ...(locale ? { env: { ...process.env, LANGUAGE: locale } } : {}),
    });
    const id = await browser.installExtension(build);
    const base = `chrome-extension://${id}/`;
    return {
      name,
      browser,
      base,
      async openExtensionPage(p) {
        const page = await browser.newPage();
        await page.goto(base + p);
        return page;
      },
      close: () => browser.close(),
    };
  }
  const browser = await launchBrowser({
    browser: 'firefox',
    executablePath: executablePath(name),
    headless,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Full-resolution timers, so sub-millisecond figures in tests and the bench mean something.
      'privacy.reduceTimerPrecision': false,
      // The UI language; needs that language's pack (Debian: firefox-esr-l10n-LANG).
      ...(locale ? { 'intl.locale.requested': locale } : {}),
      // prefers-color-scheme for every page, extension pages included (0 = dark).
      ...(dark ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
      ...(options.proxy
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': options.proxy,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': options.proxy,
            'network.proxy.allow_hijacking_localhost': false,
          }
        : {}),
    },
  });
  await browser.installExtension(build);
  const base = `moz-extension://${FIREFOX_UUID}/`;
  return {
    name,
    browser,
    base,
    async openExtensionPage(p) {
      const page = await browser.newPage();
      // goto() on moz-extension:// never resolves although the page loads.
      page.goto(base + p).catch(() => {});
      const file = p.split('?')[0] ?? p;
      const deadline = Date.now() + 20_000;
      for (;;) {
        try {
          await page.waitForFunction(
            (f) =>
              location.protocol === 'moz-extension:' &&
              location.pathname.endsWith(f) &&
              document.readyState === 'complete',
            { timeout: Math.max(1, deadline - Date.now()) },
            file,
          );
          return page;
        } catch (error) {
          // A poll that lands mid-navigation fails with a protocol error: poll again.
          // ("Waiting failed", caused by a ProtocolError: `buildReturnValue` on a page in flux.)
          const cause = (error as { cause?: unknown }).cause;
          const transient = /Protocol error/.test(`${String(error)} ${String(cause)}`);
          if (Date.now() >= deadline || !transient) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
    close: () => browser.close(),
  };
}

export interface FixtureServer {
  url(file: string): string;
  /** Every path requested so far, for tests that check what pages loaded. */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves `test/e2e/fixtures` at `/` and the shared page corpus at `/corpus/` from
 * 127.0.0.1 on a free port. `headers` adds response headers per path (e.g. a CSP).
 */
export async function serveFixtures(
  headers: Record<string, Record<string, string>> | ((path: string) => Record<string, string>) = {},
  generated: Record<string, string> = {},
): Promise<FixtureServer> {
  const headersFor = (p: string) =>
    typeof headers === 'function' ? headers(p) : (headers[p] ?? {});
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(urlPath);
    const made = generated[urlPath];
    if (made !== undefined) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        ...headersFor(urlPath),
      });
      res.end(made);
      return;
    }
    const file = urlPath.startsWith('/corpus/')
      ? path.join(CORPUS, 'pages', urlPath.slice('/corpus/'.length))
      : path.join(FIXTURES, urlPath);
    const inside =
      file.startsWith(FIXTURES + path.sep) ||
      file.startsWith(path.join(CORPUS, 'pages') + path.sep);
    if (!inside) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          ...headersFor(urlPath),
        });
        res.end(body);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (file) => `http://127.0.0.1:${port}/${file.replace(/^\//, '')}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls `fn` in the page until it returns a truthy value. */
export async function waitInPage<T>(page: Page, fn: () => T, timeout = 10_000): Promise<T> {
  const handle = await page.waitForFunction(fn, { timeout, polling: 50 });
  return (await handle.jsonValue()) as T;
}

/**
 * Tab id of the tab showing `url`, found from an extension page by pinging each tab's
 * content script (without the "tabs" permission, tab URLs are hidden from the extension).
 */
export async function tabIdOf(extPage: Page, url: string, timeout = 15_000): Promise<number> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const id = await extPage.evaluate(async (u) => {
      interface Api {
        tabs: {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: object, o: object): Promise<{ url?: string } | undefined>;
        };
      }
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      for (const tab of await api.tabs.query({})) {
        if (typeof tab.id !== 'number') continue;
        try {
          const reply = await api.tabs.sendMessage(
            tab.id,
            { type: 'tab:ping', payload: {} },
            { frameId: 0 },
          );
          if (reply?.url === u) return tab.id;
        } catch {
          // no content script in that tab
        }
      }
      return null;
    }, url);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no content script answered for ${url}`);
}

/** Name of the highlight Counterpoint registers in `CSS.highlights`. */
export { HIGHLIGHT_NAME } from '../../src/page/highlighter';

/** The text of every range in our highlight, as the page sees it, in document order. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate((name) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
      .highlights;
    const h = registry?.get(name);
    if (!h) return [];
    const texts: { text: string; range: Range }[] = [];
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      texts.push({ text: range.toString().replace(/\s+/g, ' '), range });
    }
    texts.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return texts.map((t) => t.text);
  }, HIGHLIGHT_NAME);
}

/** Waits until our highlight holds at least `min` ranges. */
export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (name, n) => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
      return (registry?.get(name)?.size ?? 0) >= n;
    },
    { timeout, polling: 50 },
    HIGHLIGHT_NAME,
    min,
  );
}

/** Centre of the first occurrence of `word` inside the element matching `selector`. */
export async function wordCenter(
  page: Page,
  selector: string,
  word: string,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (sel, w) => {
      const root = document.querySelector(sel);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(w);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + w.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    selector,
    word,
  );
  if (!point) throw new Error(`"${word}" not found in ${selector}`);
  return point;
}

/** What the open card shows (the content script's `tab:card` reply). */
export type CardState = CardSnapshot;

const probes = new WeakMap<ExtensionBrowser, { page: Promise<Page>; tabs: Map<string, number> }>();

/**
 * The card's shadow root is closed: the page cannot read it, and neither can a test through
 * the page. Tests ask the content script through one extension page per browser, as the
 * popup would. The page is brought back to the front (rAF does not run in background tabs).
 */
async function probeOf(eb: ExtensionBrowser, page: Page): Promise<{ probe: Page; tabId: number }> {
  let entry = probes.get(eb);
  if (!entry) {
    entry = { page: eb.openExtensionPage('popup.html'), tabs: new Map() };
    probes.set(eb, entry);
  }
  const probe = await entry.page;
  const url = page.url();
  let tabId = entry.tabs.get(url);
  if (tabId === undefined) {
    tabId = await tabIdOf(probe, url);
    entry.tabs.set(url, tabId);
    await page.bringToFront();
  }
  return { probe, tabId };
}

/** The open card's content, or null when none is open. */
export async function cardState(
  eb: ExtensionBrowser,
  page: Page,
  { expand = false }: { expand?: boolean } = {},
): Promise<CardState | null> {
  const { probe, tabId } = await probeOf(eb, page);
  try {
    return (await sendToTabFrom(probe, tabId, {
      type: 'tab:card',
      payload: { expand },
    })) as CardState | null;
  } catch (error) {
    // That tab is gone (a closed page with the same URL): look it up again next time.
    probes.get(eb)?.tabs.delete(page.url());
    throw error;
  }
}

/** Polls the card until `until` holds; returns the last state seen. */
export async function waitForCard(
  eb: ExtensionBrowser,
  page: Page,
  until: (card: CardState | null) => boolean,
  timeout = 8_000,
): Promise<CardState | null> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const card = await cardState(eb, page);
    if (until(card)) return card;
    if (Date.now() > deadline) throw new Error(`card never matched: ${JSON.stringify(card)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Rests the (trusted) pointer on `word` inside `selector` and waits for the card's versions. */
export async function hoverUntilCard(
  eb: ExtensionBrowser,
  page: Page,
  selector: string,
  word: string,
  timeout = 8_000,
): Promise<CardState | null> {
  await probeOf(eb, page);
  const { x, y } = await wordCenter(page, selector, word);
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y);
  return waitForCard(eb, page, (c) => c?.versions === true, timeout);
}

/** Sends a message to a tab's content script from an extension page, as the popup does. */
export async function sendToTabFrom(
  extPage: Page,
  tabId: number,
  message: object,
): Promise<unknown> {
  return extPage.evaluate(
    async (id, m) => {
      interface Api {
        tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> };
      }
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (g.browser ?? g.chrome)!.tabs.sendMessage(id, m, { frameId: 0 });
    },
    tabId,
    message,
  );
}
