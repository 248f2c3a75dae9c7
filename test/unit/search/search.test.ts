import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFromDisk } from '../../../scripts/lib/dataset-files';
import {
  buildSearchIndex,
  documentsOf,
  RecordLookup,
  SearchIndex,
  searchAll,
  tokenize,
  type SearchDoc,
} from '../../../src/search';
import {
  decodePostings,
  decodeValues,
  encodePostings,
  encodeValues,
} from '../../../src/search/postings';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const built = buildFromDisk(
  path.join(ROOT, 'assets/articles'),
  path.join(ROOT, 'assets/reference'),
);

async function seedIndex() {
  const { dataset } = await built;
  // Through JSON, as the extension loads it; its rows are read from the dataset.
  return SearchIndex.from(
    JSON.parse(JSON.stringify(buildSearchIndex(documentsOf(dataset)))),
    new RecordLookup(dataset),
  );
}

const top = (index: SearchIndex, query: string, n = 1) =>
  index.search(query, n).map((r) => `${r.kind}: ${r.title}`);

describe('postings', () => {
  it('round-trips ascending integers, large gaps included', () => {
    const lists = [[], [0], [1, 2, 3], [5, 31, 32, 33, 1023, 1024, 99_999, 200_001, 4_000_000]];
    for (let seed = 1; seed < 20; seed++) {
      let n = 0;
      lists.push(Array.from({ length: 50 }, (_, i) => (n += ((i * seed * 7919) % 5000) + 1)));
    }
    for (const list of lists) expect([...decodePostings(encodePostings(list))]).toEqual(list);
  });

  it('packs into printable ASCII that JSON writes as it is', () => {
    // Every digit, last or not, in some value.
    const values = Array.from({ length: 2048 }, (_, i) => i * 33 + (i % 32) * 1024);
    const sorted = [...values].sort((a, b) => a - b);
    for (const packed of [encodePostings(sorted), encodeValues(values)]) {
      expect(packed).toMatch(/^[0-p]+$/);
      expect(JSON.stringify(packed)).toBe(`"${packed}"`);
    }
    expect([...decodeValues(encodeValues(values))]).toEqual(values);
  });
});

describe('tokenize', () => {
  it('lower-cases, drops accents and keeps offsets into the original', () => {
    const text = 'Macrón said: “Just a hitch”';
    expect(tokenize(text).map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ['macron', 'Macrón'],
      ['said', 'said'],
      ['just', 'Just'],
      ['a', 'a'],
      ['hitch', 'hitch'],
    ]);
  });
});

describe('search over the seed dataset', () => {
  it('tolerates typos and transliterations', async () => {
    const index = await seedIndex();
    expect(top(index, 'Klintsevitch')).toEqual(['person: Franz Klintsevich']);
    expect(top(index, 'Kosachov')).toEqual(['person: Konstantin Kosachev']);
    expect(top(index, 'Dzabarov')).toEqual(['person: Vladimir Dzhabarov']);
    expect(top(index, 'nucelar showdown', 5)).toEqual(['statement: nuclear-to-nuclear showdown']);
    expect(top(index, 'Singapur')).toEqual(['event: Singapore summit']);
  });

  it('answers a word the same whatever was typed before it', async () => {
    // Typo matching counts letter pairs in a buffer reused across queries: it must start clean.
    const words = ['Klintsevitch', 'Kosachov', 'Dzabarov', 'nucelar', 'Singapur', 'kremlin'];
    const typed = words.flatMap((w) => Array.from(w, (_, n) => w.slice(0, n + 1)));
    const [forward, backward] = await Promise.all([seedIndex(), seedIndex()]);
    const answers = (index: SearchIndex, queries: string[]) =>
      new Map(queries.map((q) => [q, index.search(q, 10).map((r) => `${r.kind}:${r.id}`)]));
    const a = answers(forward, typed);
    const b = answers(backward, [...typed].reverse());
    for (const q of typed) expect(b.get(q), q).toEqual(a.get(q));
    expect(a.get('Kosachov')).toContain('person:konstantin-kosachev');
  });

  it('matches partial words while typing', async () => {
    const index = await seedIndex();
    expect(top(index, 'dzhab')).toEqual(['person: Vladimir Dzhabarov']);
    expect(top(index, 'klin')).toEqual(['person: Franz Klintsevich']);
    // A finished short word (trailing space) is no longer a prefix; a word being typed is.
    expect(index.search('kli', 5).map((r) => r.id)).toContain('franz-klintsevich');
    expect(index.search('kl', 50).map((r) => r.id)).toContain('franz-klintsevich');
    expect(index.search('kl ', 50).map((r) => r.id)).not.toContain('franz-klintsevich');
  });

  it('finds a speaker’s statements by the speaker’s name', async () => {
    const index = await seedIndex();
    const { dataset } = await built;
    const results = index.search('Slutsky', 50).filter((r) => r.kind === 'statement');
    const expected = dataset.statements.filter((s) => s.speaker === 'leonid-slutsky');
    expect(expected.length).toBeGreaterThan(0);
    expect(results.map((r) => r.id).sort()).toEqual(expected.map((s) => s.id).sort());
  });

  it('marks the matched words of the title', async () => {
    const index = await seedIndex();
    const [hit] = index.search('nucelar showdown', 1);
    expect(hit!.marks.map(([a, b]) => hit!.title.slice(a, b))).toEqual([
      'nuclear',
      'nuclear',
      'showdown',
    ]);
  });

  it('ranks an exact word above near misses and ignores stop words', async () => {
    const index = await seedIndex();
    const people = index.search('putin', 50).filter((r) => r.kind === 'person');
    expect(people[0]?.title).toBe('Vladimir Putin');
    expect(index.search('the of and', 5).length).toBeGreaterThan(0);
    expect(top(index, 'the putin')).toEqual(top(index, 'putin'));
    expect(index.search('   ', 5)).toEqual([]);
    expect(index.search('xqzvwy', 5)).toEqual([]);
  });

  it('stores no text a result shows, and reads the rows from the dataset', async () => {
    const { dataset } = await built;
    const json = JSON.stringify(buildSearchIndex(documentsOf(dataset)));
    const statement = dataset.statements.find((s) => s.text.length > 80)!;
    const person = dataset.people.find((p) => p.role)!;
    expect(json).not.toContain(statement.text.slice(0, 60));
    expect(json).not.toContain(person.role);
    const index = await seedIndex();
    const [hit] = index.search(statement.text.slice(0, 60), 1);
    expect(hit).toMatchObject({
      id: statement.id,
      title: expect.stringContaining(statement.text.slice(0, 60)),
    });
    // A record the dataset no longer has is left out; without a dataset there is nothing to show.
    const gone = new RecordLookup({
      ...dataset,
      statements: dataset.statements.filter((s) => s.id !== statement.id),
    });
    expect(index.search(statement.text.slice(0, 60), 5, gone).map((r) => r.id)).not.toContain(
      statement.id,
    );
    const bare = SearchIndex.from(JSON.parse(json));
    expect(() => bare.search(statement.text.slice(0, 60), 1)).toThrow(/dataset/);
  });

  it('tells a changed record from its stored hash, without its text', async () => {
    const { dataset } = await built;
    const docs = documentsOf(dataset);
    const index = SearchIndex.from(JSON.parse(JSON.stringify(buildSearchIndex(docs))));
    const [person] = docs.filter((d) => d.kind === 'person');
    const key = `person:${person!.id}`;
    expect(index.shows(key, person!.title, person!.detail)).toBe(true);
    expect(index.shows(key, `${person!.title}s`, person!.detail)).toBe(false);
    expect(index.shows(key, person!.title, `${person!.detail ?? ''} of Ruritania`)).toBe(false);
    expect(index.shows(key, person!.title, null)).toBe(person!.detail === null);
  });

  it('finds a long statement by the words past its clipped title', () => {
    const text = `${'Words of little note. '.repeat(9)}An interminable Transfiguration of Zanzibar`;
    const docs = documentsOf({
      people: [],
      events: [],
      outlets: [],
      articles: [],
      statements: [{ id: 's1', article: 'a', speaker: null, text }],
    } as unknown as Parameters<typeof documentsOf>[0]);
    const index = SearchIndex.build(docs);
    expect(docs[0]!.title.length).toBeLessThan(text.length);
    for (const q of ['transfiguration', 'interminable', 'zanzibar'])
      expect(index.search(q, 1).map((r) => r.id)).toEqual(['s1']);
  });

  it('refuses an index from another version', () => {
    expect(() => SearchIndex.from({ version: 99 } as never)).toThrow(/version 5/);
    // A cache written before backslashes left the packed strings is rebuilt, not misread.
    expect(() => SearchIndex.from({ version: 4, terms: [] } as never)).toThrow(/version 5/);
  });
});

describe('searchAll', () => {
  it('searches the bundled index and the reader’s library as one', async () => {
    const index = await seedIndex();
    const extra: SearchDoc[] = [
      {
        kind: 'statement',
        id: 'library:s1',
        title: 'The Singapore meeting is off, Kosachev said again',
        detail: 'Konstantin Kosachev · Example Times',
        extra: 'Konstantin Kosachev Example Times',
      },
    ];
    const results = searchAll([index, SearchIndex.build(extra)], 'kosachev singapore', 10);
    expect(results.map((r) => r.id)).toContain('library:s1');
    expect(results.every((r, i) => i === 0 || results[i - 1]!.score >= r.score)).toBe(true);
  });
});
