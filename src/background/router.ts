import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import {
  BACKGROUND_ORIGINS,
  type BackgroundProtocol,
  type BackgroundReply,
  type BackgroundType,
  type Origin,
} from '../shared/protocol';
import { PAYLOAD_SCHEMAS } from './schemas';

/** A handler gets a validated payload and the sender's tab id (content messages only). */
export type Handler<K extends BackgroundType> = (
  payload: BackgroundProtocol[K]['payload'],
  context: { tabId: number | null; frameId: number | null },
) => Promise<BackgroundReply<K>> | BackgroundReply<K>;

export type Handlers = { [K in BackgroundType]: Handler<K> };

/**
 * Works out which of our contexts sent a message, or null for anything that is not ours.
 * Extension pages are recognised by URL; content scripts by having a tab and our id.
 */
export function originOf(
  sender: Runtime.MessageSender,
  ownId: string,
  extensionRoot: string,
): Origin | null {
  if (sender.id !== ownId) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionRoot)) {
    return 'extension-page';
  }
  if (sender.tab && typeof sender.tab.id === 'number') return 'content';
  return null;
}

/**
 * Installs the one `runtime.onMessage` listener. It drops messages from other extensions
 * and from the wrong context, validates every payload, and never throws at the sender.
 */
export function installRouter(handlers: Handlers): () => void {
  const extensionRoot = browser.runtime.getURL('/');
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
  ): Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(BACKGROUND_ORIGINS, type)) return undefined;
    const key = type as BackgroundType;
    const origin = originOf(sender, browser.runtime.id, extensionRoot);
    if (origin === null || origin !== BACKGROUND_ORIGINS[key]) {
      console.warn(`Counterpoint: refused "${key}" from ${origin ?? 'an unknown sender'}`);
      return undefined;
    }
    const parsed = v.safeParse(PAYLOAD_SCHEMAS[key], (message as { payload?: unknown }).payload);
    if (!parsed.success) {
      console.warn(`Counterpoint: refused "${key}" with an invalid payload`);
      return undefined;
    }
    const context = {
      tabId: origin === 'content' ? (sender.tab?.id ?? null) : null,
      frameId: origin === 'content' ? (sender.frameId ?? null) : null,
    };
    const handler = handlers[key] as Handler<BackgroundType>;
    return Promise.resolve(handler(parsed.output as never, context)).catch((error: unknown) => {
      console.error(`Counterpoint: "${key}" failed`, error);
      return null;
    });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
