import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MatcherSpec } from '../../../src/matching';
import { bumpLibraryRevision } from '../../../src/shared/library-signal';
import { bootFor, cachedBootSpec } from '../../../src/background/boot-spec';
import { fixtureDataset } from '../cards/fixture';
import { mergeDataset } from '../../../src/library/merge';

// WXT's fake browser (vitest.config.ts) holds storage.session and the library revision in memory.
beforeEach(() => fakeBrowser.reset());

const spec = (name: string) => ({ entities: [{ id: name }] }) as unknown as MatcherSpec;

describe('cachedBootSpec', () => {
  it('computes once per library revision, across background restarts', async () => {
    const compute = vi.fn(async () => spec('first'));
    expect(await cachedBootSpec(compute)).toEqual(spec('first'));
    // A restarted background has lost its memory but not storage.session.
    expect(await cachedBootSpec(compute)).toEqual(spec('first'));
    expect(compute).toHaveBeenCalledTimes(1);

    await bumpLibraryRevision();
    const again = vi.fn(async () => spec('second'));
    expect(await cachedBootSpec(again)).toEqual(spec('second'));
    expect(again).toHaveBeenCalledTimes(1);
  });
});

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
