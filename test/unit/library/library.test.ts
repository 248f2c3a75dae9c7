import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION, openLibraryDb } from '../../../src/library/db';
import { Library } from '../../../src/library/library';
import { datasetFromEntries } from '../../../src/library/convert';
import { mergeDataset } from '../../../src/library/merge';
import type { LibraryEntry } from '../../../src/library/types';
import { fixtureDataset } from '../cards/fixture';

let dbCounter = 0;
const freshName = () => `test-library-${++dbCounter}`;

function entry(id: string, url: string | null, addedAt: number): LibraryEntry {
  return {
    id,
    addedAt,
    article: {
      id,
      file: `${id}.html`,
      outlet: 'bbc',
      title: `Article ${id}`,
      published: '2018-05-25',
      url,
      language: 'en',
      paragraphs: ['Putin said something.'],
    },
    statements: [
      {
        id: `${id}:s1`,
        article: id,
        paragraph: 0,
        speaker: 'vladimir-putin',
        kind: 'quote',
        text: 'did everything he promised',
        channel: null,
      },
    ],
    people: [],
    outlets: [
      { id: 'bbc', name: 'BBC', country: 'GB', ownership: 'UK public broadcaster', homepage: null },
    ],
    coverage: [{ id: `${id}:c1`, statements: ['rt-a:s1', `${id}:s1`], similarity: 0.7, diff: [] }],
  };
}

describe('library schema migrations', () => {
  it('upgrades a v1 database to the current version, keeping and completing every entry', async () => {
    const name = freshName();
    // A library as version 1 wrote it: no indexes, no coverage, no addedAt.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'id' });
      },
    });
    const old = entry('lib-old', 'https://news.example/old', 5) as Partial<LibraryEntry>;
    delete old.coverage;
    delete old.addedAt;
    await v1.put('articles', old);
    v1.close();

    const db = await openLibraryDb(name);
    expect(db.version).toBe(LIBRARY_VERSION);
    const migrated = await db.get('articles', 'lib-old');
    expect(migrated?.coverage).toEqual([]);
    expect(migrated?.addedAt).toBe(0);
    expect(migrated?.statements).toHaveLength(1);
    expect(await db.countFromIndex('articles', 'by-url', 'https://news.example/old')).toBe(1);
    db.close();
  });

  it('creates a new database at the current version', async () => {
    const db = await openLibraryDb(freshName());
    expect(db.version).toBe(LIBRARY_VERSION);
    expect([...db.objectStoreNames]).toEqual(['articles']);
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual(['by-added', 'by-url']);
    db.close();
  });
});

describe('Library', () => {
  it('lists newest first, deletes and clears', async () => {
    const lib = await Library.open(freshName());
    await lib.put(entry('lib-a', 'https://a.example/1', 1));
    await lib.put(entry('lib-b', 'https://b.example/1', 2));
    expect((await lib.list()).map((e) => e.id)).toEqual(['lib-b', 'lib-a']);
    expect(await lib.hasUrl('https://a.example/1')).toBe(true);
    await lib.delete('lib-a');
    expect(await lib.count()).toBe(1);
    await lib.clear();
    expect(await lib.count()).toBe(0);
    lib.close();
  });

  it('exports, and imports back without duplicates', async () => {
    const lib = await Library.open(freshName());
    await lib.put(entry('lib-a', 'https://a.example/1', 1));
    await lib.put(entry('lib-b', null, 2));
    const exported = await lib.export();
    expect(exported.articles.map((a) => a.id)).toEqual(['lib-a', 'lib-b']);
    await lib.clear();
    expect(await lib.import(exported, 100)).toEqual({ added: 2, skipped: 0 });
    expect(await lib.import(exported, 200)).toEqual({ added: 0, skipped: 2 });
    const back = await lib.list();
    expect(back.map((e) => e.id).sort()).toEqual(['lib-a', 'lib-b']);
    expect(back.find((e) => e.id === 'lib-a')?.coverage).toHaveLength(1);
    lib.close();
  });

  it('leaves the library exactly as it was when an import fails half-way', async () => {
    const lib = await Library.open(freshName());
    await lib.put(entry('lib-a', 'https://a.example/1', 1));
    const before = await lib.list();
    const bad = datasetFromEntries([
      entry('lib-x', 'https://x.example/1', 3),
      entry('lib-y', null, 4),
    ]);
    // A value IndexedDB cannot store makes the second write throw inside the transaction.
    (bad.articles[1] as unknown as { paragraphs: unknown }).paragraphs = [() => 0];
    await expect(lib.import(bad)).rejects.toThrow();
    expect(await lib.list()).toEqual(before);
    lib.close();
  });
});

describe('mergeDataset', () => {
  it('adds library articles and joins their links to bundled clusters', () => {
    const bundled = fixtureDataset();
    const merged = mergeDataset(bundled, [entry('lib-a', 'https://a.example/1', 1)]);
    expect(merged.articles.map((a) => a.id)).toContain('lib-a');
    expect(merged.outlets.map((o) => o.id)).toContain('bbc');
    const cluster = merged.coverage.find((c) => c.statements.includes('lib-a:s1'));
    expect(cluster?.statements.sort()).toEqual(['cnn-a:s1', 'lib-a:s1', 'rt-a:s1']);
    expect(merged.coverage).toHaveLength(1);
  });

  it('returns the bundled dataset untouched for an empty library', () => {
    const bundled = fixtureDataset();
    expect(mergeDataset(bundled, [])).toBe(bundled);
  });
});
