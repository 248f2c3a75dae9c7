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
 * Token buckets per sender and message type: a content script runs beside an untrusted page,
 * so whatever it sends, the background's work stays bounded. Refused messages cost a lookup.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Messages allowed per second, on average. */
    private readonly perSecond: number,
    /** Messages allowed at once after a quiet spell. */
    private readonly burst: number,
    private readonly now: () => number = () => Date.now(),
    /** Senders remembered at most: past this, the oldest are forgotten (each starts full). */
    private readonly maxKeys = 2000,
  ) {}

  /** Takes one message from `key`'s bucket; false when it is empty. */
  take(key: string): boolean {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) {
        this.buckets.delete(this.buckets.keys().next().value as string);
      }
      b = { tokens: this.burst, at: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (b.tokens < 1) return false;
    b.tokens--;
    return true;
  }
}

/**
 * Content messages allowed per tab, frame and type: far above what hovering, scanning and
 * reporting send (a card fetch per mention the pointer rests on, a report every 300 ms).
 */
export const CONTENT_LIMIT = { perSecond: 10, burst: 30 };

export interface RouterOptions {
  ownId: string;
  extensionRoot: string;
  limiter?: RateLimiter;
  warn?: (message: string) => void;
}

/**
 * The `runtime.onMessage` listener: drops messages from other extensions and from the wrong
 * context, rate-limits content scripts, validates every payload, and never throws at the
 * sender. A refused message gets no answer.
 */
export function createListener(handlers: Handlers, options: RouterOptions) {
  const limiter = options.limiter ?? new RateLimiter(CONTENT_LIMIT.perSecond, CONTENT_LIMIT.burst);
  const warn = options.warn ?? ((m: string) => console.warn(m));
  // One warning per type and reason: a flood must not flood the console too.
  const warned = new Set<string>();
  const refuse = (why: string): undefined => {
    if (!warned.has(why)) {
      warned.add(why);
      warn(`Counterpoint: refused ${why}`);
    }
    return undefined;
  };
  return (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(BACKGROUND_ORIGINS, type)) return undefined;
    const key = type as BackgroundType;
    const origin = originOf(sender, options.ownId, options.extensionRoot);
    if (origin === null || origin !== BACKGROUND_ORIGINS[key]) {
      return refuse(`"${key}" from ${origin ?? 'an unknown sender'}`);
    }
    const context = {
      tabId: origin === 'content' ? (sender.tab?.id ?? null) : null,
      frameId: origin === 'content' ? (sender.frameId ?? null) : null,
    };
    if (origin === 'content' && !limiter.take(`${context.tabId}/${context.frameId}/${key}`)) {
      return refuse(`"${key}": too many from one tab`);
    }
    const parsed = v.safeParse(PAYLOAD_SCHEMAS[key], (message as { payload?: unknown }).payload);
    if (!parsed.success) return refuse(`"${key}" with an invalid payload`);
    const handler = handlers[key] as Handler<BackgroundType>;
    try {
      return Promise.resolve(handler(parsed.output as never, context)).catch((error: unknown) => {
        console.error(`Counterpoint: "${key}" failed`, error);
        return null;
      });
    } catch (error) {
      console.error(`Counterpoint: "${key}" failed`, error);
      return Promise.resolve(null);
    }
  };
}

/** Installs the one `runtime.onMessage` listener (see `createListener`). */
export function installRouter(handlers: Handlers): () => void {
  const listener = createListener(handlers, {
    ownId: browser.runtime.id,
    extensionRoot: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
