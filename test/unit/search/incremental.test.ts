import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFromDisk } from '../../../scripts/lib/dataset-files';
import {
  buildSearchIndex,
  documentsOf,
  SearchIndex,
  syncIndex,
  tokenize,
  type SearchDoc,
  type ShownSource,
} from '../../../src/search';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seedDocs = buildFromDisk(
  path.join(ROOT, 'assets/articles'),
  path.join(ROOT, 'assets/reference'),
).then(({ dataset }) => documentsOf(dataset));

const QUERIES = [
  'Klintsevitch',
  'Kosachov',
  'nucelar showdown',
  'putin',
  'pu',
  'k',
  'singapore summit',
  'zeppelin',
  'zepelin harbour',
  'the of and',
];

/** What documents show, for an index loaded without their dataset. */
function shownOf(docs: readonly SearchDoc[]): ShownSource {
  const byKey = new Map(docs.map((d) => [`${d.kind}:${d.id}`, d]));
  return {
    shown(kind, id) {
      const d = byKey.get(`${kind}:${id}`);
      return d ? { title: d.title, detail: d.detail } : null;
    },
  };
}

/** Every query's results, for comparing two indexes. */
const answers = (index: SearchIndex) => QUERIES.map((q) => index.search(q, 20));

/** Library-like documents: two articles, each with statements. */
function article(n: number, words: string): SearchDoc[] {
  return [
    { kind: 'article', id: `lib-${n}`, title: `Report ${n}: ${words}`, detail: 'Wire', extra: '' },
    ...[1, 2, 3].map((s) => ({
      kind: 'statement' as const,
      id: `lib-${n}:s${s}`,
      title: `${words} statement ${s} of report ${n}`,
      detail: `Speaker ${s} · Wire`,
      extra: `Speaker ${s} Wire`,
    })),
  ];
}

describe('a mutable index', () => {
  it('after adds and deletes answers as a full rebuild of the same documents', async () => {
    const seeds = await seedDocs;
    const a = article(1, 'zeppelin over the harbour');
    const b = article(2, 'Kosachev met Klintsevich about the nuclear summit');
    const incremental = SearchIndex.build(seeds.slice(0, 40));
    incremental.add(seeds.slice(40));
    incremental.add(a);
    incremental.add(b);
    incremental.remove(a.map((d) => `${d.kind}:${d.id}`));
    incremental.remove(['person:franz-klintsevich']);
    const kept = [...seeds.filter((d) => d.id !== 'franz-klintsevich'), ...b];
    const rebuilt = SearchIndex.build(kept);
    expect(incremental.size).toBe(rebuilt.size);
    expect(answers(incremental)).toEqual(answers(rebuilt));
    // Deleted documents and the words only they held are gone.
    expect(incremental.search('zeppelin', 5)).toEqual([]);
    expect(incremental.search('Klintsevich', 20).map((r) => r.id)).not.toContain(
      'franz-klintsevich',
    );
  });

  it('changes a loaded (serialised) index the same way', async () => {
    const seeds = await seedDocs;
    const a = article(3, 'zeppelin over the harbour');
    const loaded = SearchIndex.from(
      JSON.parse(JSON.stringify(buildSearchIndex(seeds))),
      shownOf(seeds),
    );
    loaded.add(a);
    loaded.remove([`statement:lib-3:s2`, 'person:konstantin-kosachev']);
    const kept = [...seeds, ...a].filter(
      (d) => d.id !== 'lib-3:s2' && d.id !== 'konstantin-kosachev',
    );
    expect(answers(loaded)).toEqual(answers(SearchIndex.build(kept)));
    expect(loaded.serialize()).toEqual(buildSearchIndex(kept));
    expect(
      loaded
        .search('zepelin', 10)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['lib-3', 'lib-3:s1', 'lib-3:s3']);
  });

  it('serialises what it holds now, and loads back to the same answers', async () => {
    const seeds = await seedDocs;
    const docs = [...seeds, ...article(4, 'zeppelin')];
    const index = SearchIndex.build(docs);
    index.remove(['article:lib-4']);
    const again = SearchIndex.from(JSON.parse(JSON.stringify(index.serialize())), shownOf(docs));
    expect(again.size).toBe(index.size);
    expect(answers(again)).toEqual(answers(index));
    expect(again.has('article:lib-4')).toBe(false);
    expect(again.has('statement:lib-4:s1')).toBe(true);
  });

  it('lays out a large batch as one document at a time would', async () => {
    const seeds = await seedDocs;
    const docs = [
      ...seeds,
      ...Array.from({ length: 60 }, (_, n) => article(n + 10, 'zeppelin')),
    ].flat();
    expect(docs.length).toBeGreaterThan(256);
    const bulk = SearchIndex.build(docs);
    const oneByOne = SearchIndex.build([]);
    for (const d of docs) oneByOne.add([d]);
    expect(bulk.serialize()).toEqual(oneByOne.serialize());
    // And again over a loaded index whose lists grow.
    bulk.add(article(99, 'harbour zeppelin').concat(docs.slice(0, 300)));
    for (const d of [...article(99, 'harbour zeppelin'), ...docs.slice(0, 300)]) oneByOne.add([d]);
    expect(bulk.serialize()).toEqual(oneByOne.serialize());
  });

  it('builds in slices to the same index', async () => {
    const seeds = await seedDocs;
    let pauses = 0;
    const sliced = await SearchIndex.buildInSlices(seeds, async () => void pauses++, 25);
    // One pause after each slice of 25, the last one before the postings are laid out.
    expect(pauses).toBe(Math.ceil(seeds.length / 25));
    expect(answers(sliced)).toEqual(answers(SearchIndex.build(seeds)));
  });

  it('keeps the later of two records with one key, in a build as in an add', async () => {
    const seeds = await seedDocs;
    const first = article(1, 'zeppelin');
    const again = article(1, 'harbour');
    const docs = [...first, ...seeds, ...again];
    const expected = SearchIndex.build([...seeds, ...again]);
    const added = SearchIndex.build([]);
    added.add(docs);
    const sliced = await SearchIndex.buildInSlices(docs, async () => {}, 7);
    for (const index of [SearchIndex.build(docs), added, sliced]) {
      expect(index.size).toBe(expected.size);
      expect(answers(index)).toEqual(answers(expected));
      expect(index.search('zeppelin', 5)).toEqual([]);
      expect(index.search('harbour', 5).map((r) => r.id)).toContain('lib-1');
    }
  });
});

describe('keys', () => {
  const doc = (id: string, title: string): SearchDoc => ({
    kind: 'statement',
    id,
    title,
    detail: null,
    extra: '',
  });

  it('finds a record by kind and id only, and a removed id again once re-added', () => {
    // The first two ids have the same 32-bit hash for statements: the ids tell them apart.
    const index = SearchIndex.build([
      doc('s439599', 'alpha'),
      doc('s622382', 'beta'),
      doc('x:y', 'gamma'),
    ]);
    for (const key of ['statement', ':x', 'constructor:x', '__proto__:s439599', 'person:s439599'])
      expect(index.has(key)).toBe(false);
    expect(index.has('statement:x:y')).toBe(true);
    index.remove(['statement:s439599']);
    expect([index.size, index.has('statement:s439599'), index.has('statement:s622382')]).toEqual([
      2,
      false,
      true,
    ]);
    index.add([doc('s439599', 'delta')]);
    expect(index.has('statement:s439599')).toBe(true);
    expect(index.keys().sort()).toEqual([
      'statement:s439599',
      'statement:s622382',
      'statement:x:y',
    ]);
    expect(index.search('alpha')).toEqual([]);
    expect(index.search('delta')[0]?.id).toBe('s439599');
  });

  it('reads details the same by parts, after their caches are cleared too', () => {
    // More distinct parts arrays than the caches keep (50,000), each met twice.
    const parts = Array.from({ length: 50_010 }, (_, i) => [`speaker${i}`, `outlet${i % 7}`]);
    const docs = Array.from({ length: 50_100 }, (_, i): SearchDoc => {
      const p = parts[i < 50_010 ? i : i - 50_010]!;
      return { ...doc(`s${i}`, 'x'), detail: p.join(' · '), detailParts: p };
    });
    const plain = docs.map(({ detailParts: _, ...d }) => d);
    expect(buildSearchIndex(docs)).toEqual(buildSearchIndex(plain));
  });
});

describe('syncIndex', () => {
  it('adds what is new, removes what is gone, re-indexes what changed', async () => {
    const seeds = await seedDocs;
    const a = article(5, 'zeppelin');
    const b = article(6, 'harbour');
    const index = SearchIndex.build([...seeds, ...a]);
    const changed = { ...seeds[0]!, title: `${seeds[0]!.title} Quetzal` };
    const next = [changed, ...seeds.slice(1), ...b];
    expect(syncIndex(index, next)).toEqual({ added: 1 + b.length, removed: a.length });
    expect(answers(index)).toEqual(answers(SearchIndex.build(next)));
    expect(index.search('quetzal', 5).map((r) => r.id)).toEqual([seeds[0]!.id]);
    expect(syncIndex(index, next)).toEqual({ added: 0, removed: 0 });
  });
});

describe('indexing', () => {
  it('reads words exactly as the query side does (tokenize)', () => {
    const texts = [
      'Macrón MACRON said: “Just a hitch” — naïve Ærø 2018’s x² ½ 𝒜lpha Straße',
      'İstanbul ǅemal ﬁnal  Kim Jong-un’s KCNA — ¿qué? Ünal 北京 Δelta o\u0301k',
      // Marks stay in their word: a decomposed accent, Devanagari vowel signs, Greek final sigma.
      'cafe\u0301 au lait हिन्दी समाचार ὁδός ΟΔΟΣ Путин\u0301',
    ];
    const index = SearchIndex.build(
      texts.map((title, i) => ({ kind: 'statement', id: `s${i}`, title, detail: null, extra: '' })),
    );
    const expected = [...new Set(texts.flatMap((t) => tokenize(t).map((w) => w.term)))].sort();
    expect(index.serialize().terms).toEqual(expected);
  });
});
