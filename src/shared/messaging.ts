// The browser's own namespace, not the polyfill: this module is in the content script, which
// must stay small, and both calls here return promises natively (Chrome MV3, Firefox).
import { browser } from 'wxt/browser';
import type {
  BackgroundProtocol,
  BackgroundReply,
  BackgroundType,
  ContentProtocol,
  ContentReply,
  ContentType,
} from './protocol';

/** Typed `runtime.sendMessage` to the background: the reply type follows the message type. */
export async function sendToBackground<K extends BackgroundType>(
  type: K,
  payload: BackgroundProtocol[K]['payload'],
): Promise<BackgroundReply<K>> {
  return (await browser.runtime.sendMessage({ type, payload })) as BackgroundReply<K>;
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
