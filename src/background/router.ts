import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import {
  BACKGROUND_MESSAGES,
  type BackgroundPayload,
  type BackgroundReply,
  type BackgroundType,
  type MessageDef,
  type Origin,
  type Result,
} from '../shared/protocol';

/** Where a message came from: the sender's tab and frame (content messages only). */
export interface SenderContext {
  tabId: number | null;
  frameId: number | null;
}

/** A handler gets a validated payload and the sender's tab id (content messages only). */
export type Handler<K extends BackgroundType> = (
  payload: BackgroundPayload<K>,
  context: SenderContext,
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
    /** Units (messages, or what `take` is given) allowed per second, on average. */
    private readonly perSecond: number,
    /** Units allowed at once after a quiet spell. */
    private readonly burst: number,
    private readonly now: () => number = () => Date.now(),
    /** Senders remembered at most: past this, the oldest are forgotten (each starts full). */
    private readonly maxKeys = 2000,
  ) {}

  /** Takes `amount` (one message) from `key`'s bucket; false, taking nothing, when it holds less. */
  take(key: string, amount = 1): boolean {
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
    if (b.tokens < amount) return false;
    b.tokens -= amount;
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
  /** The clock of the limiters made here (tests move it). */
  now?: () => number;
}

/**
 * The `runtime.onMessage` listener: drops messages from other extensions and from the wrong
 * context, rate-limits content scripts, validates every payload, and never throws at the
 * sender. A refused message gets no answer; a handler that throws answers `{ ok: false }`
 * (the details stay in the background's console: a content script's page may be hostile).
 */
export function createListener(handlers: Handlers, options: RouterOptions) {
  const now = options.now ?? (() => Date.now());
  const limiter =
    options.limiter ?? new RateLimiter(CONTENT_LIMIT.perSecond, CONTENT_LIMIT.burst, now);
  /** Limiters of a message type's own (`rate`, `volume`), made on first use. */
  const own = new Map<string, RateLimiter>();
  const limiterFor = (key: string, { perSecond, burst }: { perSecond: number; burst: number }) => {
    let l = own.get(key);
    if (!l) own.set(key, (l = new RateLimiter(perSecond, burst, now)));
    return l;
  };
  const limiterOf = (type: BackgroundType) => {
    const { rate } = BACKGROUND_MESSAGES[type];
    return rate ? limiterFor(type, rate) : limiter;
  };
  /** Whether a content message's size fits its sender's budget (`MessageDef.volume`); takes it. */
  const fits = (type: BackgroundType, payload: unknown, context: SenderContext): boolean => {
    const def: MessageDef<Origin, v.GenericSchema, unknown> = BACKGROUND_MESSAGES[type];
    const { volume } = def;
    if (!volume || context.tabId === null) return true;
    const key = `${context.tabId}/${context.frameId}`;
    return limiterFor(`${type} volume`, volume).take(key, volume.size(payload));
  };
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
  /** Validates and runs one message; generic in its type, so no cast reaches the handler. */
  const run = <K extends BackgroundType>(
    key: K,
    payload: unknown,
    context: SenderContext,
  ): Promise<Result<BackgroundReply<K>>> | undefined => {
    const parsed = v.safeParse(BACKGROUND_MESSAGES[key].payload, payload);
    if (!parsed.success) return refuse(`"${key}" with an invalid payload`);
    if (!fits(key, parsed.output, context)) return refuse(`"${key}": too much from one tab`);
    const handler: Handler<K> = handlers[key];
    const failed = (error: unknown): Result<BackgroundReply<K>> => {
      console.error(`Counterpoint: "${key}" failed`, error);
      return { ok: false, error: `${key} failed` };
    };
    try {
      return Promise.resolve(handler(parsed.output, context)).then(
        (data): Result<BackgroundReply<K>> => ({ ok: true, data }),
        failed,
      );
    } catch (error) {
      return Promise.resolve(failed(error));
    }
  };
  return (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !isBackgroundType(type)) return undefined;
    const origin = originOf(sender, options.ownId, options.extensionRoot);
    if (origin === null || origin !== BACKGROUND_MESSAGES[type].from) {
      return refuse(`"${type}" from ${origin ?? 'an unknown sender'}`);
    }
    const context: SenderContext = {
      tabId: origin === 'content' ? (sender.tab?.id ?? null) : null,
      frameId: origin === 'content' ? (sender.frameId ?? null) : null,
    };
    if (
      origin === 'content' &&
      !limiterOf(type).take(`${context.tabId}/${context.frameId}/${type}`)
    ) {
      return refuse(`"${type}": too many from one tab`);
    }
    return run(type, (message as { payload?: unknown }).payload, context);
  };
}

/** Own keys only: "__proto__" or "toString" is no message type. */
function isBackgroundType(type: string): type is BackgroundType {
  return Object.hasOwn(BACKGROUND_MESSAGES, type);
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
