import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MatcherSpec } from '../../../src/matching';
import { bumpLibraryRevision } from '../../../src/shared/library-signal';
import {
  BlockMatchers,
  bootFor,
  cachedBootSpec,
  contentBoot,
} from '../../../src/background/boot-spec';
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
    // Built from the library at the revision it is stored under.
    expect(compute).toHaveBeenCalledWith(0);
    expect(again).toHaveBeenCalledWith(1);
  });
});

/** The boot specs of the fixture's dataset with an empty library and with one article. */
function boots() {
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
  return {
    empty: bootFor(bundled, mergeDataset(bundled, [])),
    seeded: bootFor(bundled, mergeDataset(bundled, [entry])),
  };
}

describe('bootFor', () => {
  it('paints the same names whatever the library holds; library-only people go apart', () => {
    const { empty, seeded } = boots();
    expect(empty.library).toBeNull();
    expect(seeded.matcher).toEqual(empty.matcher);
    expect(JSON.stringify(seeded.library)).toContain('Brandvold');
    expect(JSON.stringify(seeded.matcher)).not.toContain('Brandvold');
    expect(JSON.stringify(seeded.library)).not.toContain('Putin');
  });
});

describe('what a content script gets, and what is matched for it', () => {
  it('sends a page the anchor words and names, not the forms and their rules', () => {
    const { seeded } = boots();
    const boot = contentBoot(seeded);
    expect(boot.matcher.entities).toContainEqual({
      id: 'vladimir-putin',
      kind: 'person',
      name: 'Vladimir Putin',
    });
    expect(boot.matcher.parts.map((p) => Object.keys(p))).toEqual(
      seeded.matcher.parts.map(() => ['anchors']),
    );
    expect(boot.library?.entities.map((e) => e.id)).toEqual(['ilse-brandvold']);
  });

  it('matches with the bundled names or the library’s, built once until the library changes', async () => {
    const { seeded } = boots();
    const boot = vi.fn(async () => seeded);
    const blocks = new BlockMatchers(boot);
    const texts = ['Vladimir Putin met Ilse Brandvold.', 'Nobody here.'];
    const ids = (found: { entity: string }[][]) => found.map((f) => f.map((m) => m.entity));
    expect(ids(await blocks.match(false, texts))).toEqual([['vladimir-putin'], []]);
    expect(ids(await blocks.match(true, texts))).toEqual([['ilse-brandvold'], []]);
    expect(boot).toHaveBeenCalledTimes(1);
    blocks.reset();
    await blocks.match(false, texts);
    expect(boot).toHaveBeenCalledTimes(2);
  });

  it('tries a failed build again at the next call', async () => {
    const { seeded } = boots();
    const boot = vi
      .fn<() => Promise<typeof seeded>>()
      .mockRejectedValueOnce(new Error('storage not ready'))
      .mockResolvedValue(seeded);
    const blocks = new BlockMatchers(boot);
    await expect(blocks.match(false, ['Vladimir Putin'])).rejects.toThrow('storage not ready');
    const [found] = await blocks.match(false, ['Vladimir Putin']);
    expect(found!.map((m) => m.entity)).toEqual(['vladimir-putin']);
  });

  it('finds nothing of the library when it knows no one of its own', async () => {
    const { empty } = boots();
    const blocks = new BlockMatchers(async () => empty);
    expect(await blocks.match(true, ['Vladimir Putin'])).toEqual([[]]);
  });
});
