import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFromDisk } from '../../../scripts/lib/dataset-files';
import {
  buildSearchIndex,
  documentsOf,
  SearchIndex,
  searchAll,
  tokenize,
  type SearchDoc,
} from '../../../src/search';
import { decodePostings, encodePostings } from '../../../src/search/postings';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const built = buildFromDisk(
  path.join(ROOT, 'assets/articles'),
  path.join(ROOT, 'assets/reference'),
);

async function seedIndex() {
  const { dataset } = await built;
  // Through JSON, as the extension loads it.
  return SearchIndex.from(JSON.parse(JSON.stringify(buildSearchIndex(documentsOf(dataset)))));
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

  it('packs into printable ASCII', () => {
    expect(encodePostings([0, 40, 100_000, 100_001])).toMatch(/^[0-o]+$/);
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

  it('refuses an index from another version', () => {
    expect(() => SearchIndex.from({ version: 99 } as never)).toThrow(/version 2/);
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
