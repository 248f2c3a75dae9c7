import { describe, expect, it, vi } from 'vitest';
import { createListener, originOf, RateLimiter } from '../../../src/background/router';
import { answerCardRequest } from '../../../src/background/card-request';

const ROOT = 'chrome-extension://ours/';

describe('originOf', () => {
  it('recognises our extension pages by URL', () => {
    expect(originOf({ id: 'ours', url: `${ROOT}popup.html` }, 'ours', ROOT)).toBe('extension-page');
    expect(
      originOf({ id: 'ours', url: `${ROOT}options.html`, tab: { id: 3 } as never }, 'ours', ROOT),
    ).toBe('extension-page');
  });

  it('recognises our content scripts by tab', () => {
    expect(
      originOf(
        { id: 'ours', url: 'https://news.example/a', tab: { id: 7 } as never },
        'ours',
        ROOT,
      ),
    ).toBe('content');
  });

  it('refuses other extensions, even with our URL', () => {
    expect(originOf({ id: 'evil', url: `${ROOT}popup.html` }, 'ours', ROOT)).toBeNull();
    expect(originOf({ id: 'evil', tab: { id: 1 } as never }, 'ours', ROOT)).toBeNull();
  });

  it('refuses a sender with neither tab nor extension URL', () => {
    expect(originOf({ id: 'ours', url: 'https://news.example/' }, 'ours', ROOT)).toBeNull();
  });
});

const CONTENT = { id: 'ours', url: 'https://news.example/a', tab: { id: 7 } as never, frameId: 0 };

/** A router whose handlers count their calls; time is a number the test moves. */
function router(perSecond = 10, burst = 30) {
  const clock = { now: 0 };
  const calls: string[] = [];
  const handler = (type: string) => (): Promise<null> => {
    calls.push(type);
    return Promise.resolve(null);
  };
  const handlers = Object.fromEntries(
    [
      'content:boot',
      'content:mentions',
      'scan:match',
      'card:get',
      'compare:open',
      'search:query',
      'statement:get',
    ].map((t) => [t, handler(t)]),
  ) as never;
  const warnings: string[] = [];
  const listener = createListener(handlers, {
    ownId: 'ours',
    extensionRoot: ROOT,
    limiter: new RateLimiter(perSecond, burst, () => clock.now),
    warn: (m) => warnings.push(m),
    now: () => clock.now,
  });
  return { listener, calls, clock, warnings };
}

const cardGet = (pageText: string, entity = 'vladimir-putin') => ({
  type: 'card:get',
  payload: { entity, pageText },
});

describe('the message router under a flood from one content script', () => {
  it('does a bounded amount of work however many messages arrive', async () => {
    const { listener, calls, clock, warnings } = router(10, 30);
    const big = 'x'.repeat(20_000);
    let answered = 0;
    // 10,000 card requests with 20,000 characters each over 10 seconds (1,000 a second).
    for (let i = 0; i < 10_000; i++) {
      clock.now = i;
      const reply = listener(cardGet(big), CONTENT);
      if (reply) {
        answered++;
        await reply;
      }
    }
    // The burst, then 10 a second: 30 + 10 × 10.
    expect(answered).toBeGreaterThanOrEqual(120);
    expect(answered).toBeLessThanOrEqual(131);
    expect(calls.length).toBe(answered);
    // One warning, not ten thousand.
    expect(warnings).toEqual(['Counterpoint: refused "card:get": too many from one tab']);
  });

  it('keeps one budget per tab and type: a flood elsewhere does not starve a quiet tab', async () => {
    const { listener, calls } = router(10, 5);
    for (let i = 0; i < 100; i++) void listener(cardGet('a'), CONTENT);
    const other = { ...CONTENT, tab: { id: 8 } as never };
    expect(listener(cardGet('a'), other)).toBeDefined();
    expect(listener({ type: 'content:mentions', payload: { counts: [] } }, CONTENT)).toBeDefined();
    await Promise.resolve();
    expect(calls.filter((c) => c === 'card:get').length).toBe(6);
  });

  it('lets a scan send a slice of blocks at a time, at a rate of its own', () => {
    const { listener, calls } = router(10, 30);
    const scan = { type: 'scan:match', payload: { library: false, texts: ['Putin'] } };
    let answered = 0;
    // 500 at once: more than a large page's slices, far above other messages' 30.
    for (let i = 0; i < 500; i++) if (listener(scan, CONTENT)) answered++;
    expect(answered).toBeGreaterThanOrEqual(400);
    expect(answered).toBeLessThan(420);
    expect(calls.length).toBe(answered);
    // Its own budget: card requests still have theirs.
    expect(listener(cardGet('a'), CONTENT)).toBeDefined();
    expect(listener({ type: 'scan:match', payload: { library: 'no', texts: [] } }, CONTENT)).toBe(
      undefined,
    );
  });

  it('bounds the characters one tab sends to be matched, not another tab’s', () => {
    const { listener, calls, clock, warnings } = router();
    const block = 'Putin '.repeat(200_000); // 1.2 M characters
    const scan = (texts: string[]) => ({ type: 'scan:match', payload: { library: false, texts } });
    let answered = 0;
    // 40 messages of 2.4 M characters at once: 96 M, three times the budget's 32 M.
    for (let i = 0; i < 40; i++) if (listener(scan([block, block]), CONTENT)) answered++;
    expect(answered).toBe(13);
    expect(warnings).toEqual(['Counterpoint: refused "scan:match": too much from one tab']);
    // Refused messages take nothing; small ones still fit what is left.
    expect(listener(scan(['Putin']), CONTENT)).toBeDefined();
    // Another tab, or the same tab's other frame, has a budget of its own.
    expect(listener(scan([block]), { ...CONTENT, tab: { id: 8 } as never })).toBeDefined();
    expect(listener(scan([block]), { ...CONTENT, frameId: 3 })).toBeDefined();
    // 4 M characters a second come back: three more such messages after two seconds.
    clock.now = 2000;
    answered = 0;
    for (let i = 0; i < 10; i++) if (listener(scan([block, block]), CONTENT)) answered++;
    expect(answered).toBe(3);
    expect(calls.length).toBe(13 + 1 + 2 + 3);
  });

  it('refuses oversized and malformed payloads before any handler runs', () => {
    const { listener, calls } = router();
    expect(listener(cardGet('x'.repeat(20_001)), CONTENT)).toBeUndefined();
    expect(listener(cardGet('a', 'x'.repeat(201)), CONTENT)).toBeUndefined();
    expect(listener({ type: 'card:get', payload: { entity: 1 } }, CONTENT)).toBeUndefined();
    expect(listener({ type: 'card:get' }, CONTENT)).toBeUndefined();
    expect(listener({ type: '__proto__', payload: {} }, CONTENT)).toBeUndefined();
    expect(listener('card:get', CONTENT)).toBeUndefined();
    // Extension-page messages from a content script.
    expect(
      listener({ type: 'search:query', payload: { query: 'a', limit: 5 } }, CONTENT),
    ).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('answers { ok: false }, never throws, when a handler throws or rejects', async () => {
    const { listener } = router();
    const throwing = createListener(
      {
        'card:get': () => {
          throw new Error('boom: a secret from the library');
        },
        'content:boot': () => Promise.reject(new Error('boom')),
      } as never,
      { ownId: 'ours', extensionRoot: ROOT, warn: () => {} },
    );
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await throwing(cardGet('a'), CONTENT);
    // The sender learns that it failed, not why: the details stay in the background's console.
    expect(failed).toEqual({ ok: false, error: 'card:get failed' });
    expect(await throwing({ type: 'content:boot', payload: { host: 'a' } }, CONTENT)).toEqual({
      ok: false,
      error: 'content:boot failed',
    });
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
    expect(await listener(cardGet('a'), CONTENT)).toEqual({ ok: true, data: null });
  });
});

describe('RateLimiter', () => {
  it('refills over time up to its burst, and forgets the oldest senders past its cap', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter(2, 3, () => clock.now, 2);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    clock.now = 500; // one message's worth
    expect([limiter.take('a'), limiter.take('a')]).toEqual([true, false]);
    clock.now = 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    limiter.take('b');
    limiter.take('c'); // 'a' is forgotten: it starts full again
    expect(limiter.take('a')).toBe(true);
  });

  it('takes amounts: one that does not fit is refused and takes nothing', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter(10, 100, () => clock.now);
    expect(limiter.take('a', 60)).toBe(true);
    expect(limiter.take('a', 60)).toBe(false);
    expect(limiter.take('a', 40)).toBe(true);
    expect(limiter.take('a', 1)).toBe(false);
    clock.now = 1000;
    expect(limiter.take('a', 10)).toBe(true);
    expect(limiter.take('a', 101)).toBe(false);
  });
});

describe('answerCardRequest', () => {
  const reported = new Map([
    [7, [{ entity: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' as const, count: 2 }]],
  ]);
  const deps = {
    reported: async (tab: number) => reported.get(tab) ?? null,
    build: vi.fn(async (entity: string) => ({ name: entity }) as never),
  };

  it('answers for someone the tab reported on its page', async () => {
    expect(await answerCardRequest(deps, { entity: 'vladimir-putin', pageText: '' }, 7)).toEqual({
      name: 'vladimir-putin',
    });
  });

  it('answers nothing, and builds nothing, for anyone else', async () => {
    deps.build.mockClear();
    // A person in the dataset (or the library) this page never mentioned.
    expect(
      await answerCardRequest(deps, { entity: 'emmanuel-macron', pageText: '' }, 7),
    ).toBeNull();
    // A tab that reported nothing, or no tab.
    expect(await answerCardRequest(deps, { entity: 'vladimir-putin', pageText: '' }, 8)).toBeNull();
    expect(
      await answerCardRequest(deps, { entity: 'vladimir-putin', pageText: '' }, null),
    ).toBeNull();
    expect(deps.build).not.toHaveBeenCalled();
  });
});
