import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentMessage, ContentReply, MentionCount } from '../shared/protocol';
import { sendToBackground } from '../shared/messaging';

/**
 * Starts Counterpoint on a page. Everything it sets up is tied to `ctx`, so an extension
 * update or reload tears it down from one place.
 */
export async function startContent(ctx: ContentScriptContext): Promise<void> {
  const host = location.hostname;
  const counts: MentionCount[] = [];

  const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = message as ContentMessage;
    if (msg?.type === 'tab:ping') {
      const reply: ContentReply<'tab:ping'> = { url: location.href, host, counts, stats: null };
      return Promise.resolve(reply);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const boot = await sendToBackground('content:boot', { host });
  if (!boot.enabled || ctx.isInvalid) return;
  await sendToBackground('content:mentions', { counts });
}
