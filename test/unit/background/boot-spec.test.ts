import { describe, expect, it, vi } from 'vitest';
import type { MatcherSpec } from '../../../src/matching';

const state = vi.hoisted(() => ({ revision: 1, store: new Map<string, unknown>() }));

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => ({ [key]: state.store.get(key) }),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) state.store.set(k, structuredClone(v));
        },
      },
    },
  },
}));
vi.mock('../../../src/shared/library-signal', () => ({
  currentLibraryRevision: async () => state.revision,
}));

const { cachedBootSpec } = await import('../../../src/background/boot-spec');

const spec = (name: string) => ({ entities: [{ id: name }] }) as unknown as MatcherSpec;

describe('cachedBootSpec', () => {
  it('computes once per library revision, across background restarts', async () => {
    const compute = vi.fn(async () => spec('first'));
    expect(await cachedBootSpec(compute)).toEqual(spec('first'));
    // A restarted background has lost its memory but not storage.session.
    expect(await cachedBootSpec(compute)).toEqual(spec('first'));
    expect(compute).toHaveBeenCalledTimes(1);

    state.revision = 2;
    const again = vi.fn(async () => spec('second'));
    expect(await cachedBootSpec(again)).toEqual(spec('second'));
    expect(again).toHaveBeenCalledTimes(1);
  });
});
