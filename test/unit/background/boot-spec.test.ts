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

const { bootFor } = await import('../../../src/background/boot-spec');
const { fixtureDataset } = await import('../cards/fixture');
const { mergeDataset } = await import('../../../src/library/merge');

describe('bootFor', () => {
  it('paints the same names whatever the library holds; library-only people go apart', () => {
    const bundled = fixtureDataset();
    const own = {
      ...bundled.people[0]!,
      id: 'ilse-brandvold',
      name: 'Ilse Brandvold',
      shortForms: ['Brandvold'],
      source: 'article' as const,
    };
    const entry = {
      id: 'lib-a',
      addedAt: 1,
      article: { ...bundled.articles[0]!, id: 'lib-a' },
      statements: [],
      // A bundled person the article quotes, and one only it knows.
      people: [bundled.people[0]!, own],
      outlets: [],
      coverage: [],
    };
    const empty = bootFor(bundled, mergeDataset(bundled, []));
    const seeded = bootFor(bundled, mergeDataset(bundled, [entry]));
    expect(empty.library).toBeNull();
    expect(seeded.matcher).toEqual(empty.matcher);
    expect(JSON.stringify(seeded.library)).toContain('Brandvold');
    expect(JSON.stringify(seeded.matcher)).not.toContain('Brandvold');
    expect(JSON.stringify(seeded.library)).not.toContain('Putin');
  });
});
