import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HIGHLIGHT_NAME, HIGHLIGHT_NAME_BACKGROUND } from '../page/highlighter';
import { watchLibraryRevision } from '../shared/library-signal';
import { sendToBackground } from '../shared/messaging';
import type { ContentBoot, ContentHandlers, ContentType } from '../shared/protocol';
import { getSettings, isEnabledOn, watchSettings, type Settings } from '../shared/settings';
import { PageSession } from './page-session';

/**
 * Starts Counterpoint on a page. It runs while the site is on, stops and removes every trace
 * when it is switched off, and starts again when it is switched back on, all without a reload.
 * Everything is tied to `ctx`, so an extension update or reload tears it down from one place.
 */
export async function startContent(ctx: ContentScriptContext): Promise<void> {
  const host = location.hostname;
  let session: PageSession | null = null;
  let prepared: ContentBoot | null = null;
  let settings: Settings = await getSettings();
  if (ctx.isInvalid) return;

  const stop = () => {
    session?.destroy();
    session = null;
  };
  const apply = async (next: Settings, restart = false) => {
    const previous = settings;
    settings = next;
    if (!isEnabledOn(next, host)) return stop();
    const hiddenChanged = previous.hiddenEntities.join() !== next.hiddenEntities.join();
    if (restart || hiddenChanged) stop();
    const highlightName =
      next.highlightStyle === 'background' ? HIGHLIGHT_NAME_BACKGROUND : HIGHLIGHT_NAME;
    if (session) {
      session.setHoverDelay(next.hoverDelay);
      session.setHighlightName(highlightName);
      session.setMarkEvery(next.markEvery);
      return;
    }
    if (!prepared || restart) {
      prepared = await sendToBackground('content:boot', { host });
    }
    if (ctx.isInvalid || session || !isEnabledOn(settings, host)) return;
    session = new PageSession(ctx, {
      matcher: prepared.matcher,
      library: prepared.library,
      hidden: next.hiddenEntities,
      highlightName,
      hoverDelay: next.hoverDelay,
      markEvery: next.markEvery,
    });
    await session.start();
  };

  /** What this page answers our extension pages (see `ContentProtocol`). */
  const isContentType = (type: unknown): type is ContentType =>
    typeof type === 'string' && Object.hasOwn(handlers, type);
  const handlers: ContentHandlers = {
    'tab:ping': () => ({
      url: location.href,
      host,
      counts: session?.counts() ?? [],
      stats: session?.stats() ?? null,
    }),
    // Serialised, never parsed here: Readability runs in the extension page that asked.
    'tab:article': () => ({
      url: location.href,
      title: document.title,
      html: new XMLSerializer().serializeToString(document),
    }),
    'tab:card': (p) => session?.cardSnapshot(p?.expand === true) ?? null,
    'tab:reveal': (p) => session?.reveal(typeof p?.entity === 'string' ? p.entity : null) ?? false,
  };
  // Every reply is ready at once: answered through `sendResponse`, which both browsers'
  // own APIs support (the content script goes without the polyfill to stay small).
  const onMessage = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: unknown) => void,
  ): false => {
    if (sender.id !== browser.runtime.id) return false;
    const { type, payload } = (message ?? {}) as { type?: unknown; payload?: never };
    if (isContentType(type)) sendResponse(handlers[type](payload));
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  ctx.onInvalidated(watchSettings((s) => void apply(s)));
  // A new article in the library may bring new people: fetch the names again.
  ctx.onInvalidated(watchLibraryRevision(() => void apply(settings, true)));
  await apply(settings);
}
