// The browser's own namespace, not the polyfill: this module is in the content script, which
// must stay small, and both calls here return promises natively (Chrome MV3, Firefox).
import { browser } from 'wxt/browser';
import type {
  BackgroundPayload,
  BackgroundReply,
  BackgroundType,
  ContentProtocol,
  ContentReply,
  ContentType,
  Result,
} from './protocol';

/** A background message that failed: its handler threw, or nothing answered (refused). */
export class MessageError extends Error {
  constructor(
    readonly type: string,
    reason: string,
  ) {
    super(`"${type}" failed: ${reason}`);
    this.name = 'MessageError';
  }
}

/**
 * Typed `runtime.sendMessage` to the background: the reply type follows the message type.
 * Rejects with a `MessageError` when the handler failed, so each UI can show an error state
 * instead of mistaking a failure for "nothing found".
 */
export async function sendToBackground<K extends BackgroundType>(
  type: K,
  payload: BackgroundPayload<K>,
): Promise<BackgroundReply<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as
    Result<BackgroundReply<K>> | undefined;
  if (reply?.ok === true) return reply.data;
  throw new MessageError(type, reply?.error ?? 'no answer');
}

/** Typed `tabs.sendMessage` to the content script of one tab (top frame only). */
export async function sendToTab<K extends ContentType>(
  tabId: number,
  type: K,
  payload: ContentProtocol[K]['payload'],
): Promise<ContentReply<K>> {
  return (await browser.tabs.sendMessage(
    tabId,
    { type, payload },
    { frameId: 0 },
  )) as ContentReply<K>;
}
