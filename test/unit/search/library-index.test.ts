import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/dataset/types';
import { entriesFromDataset } from '../../../src/library/convert';
import { mergeDataset } from '../../../src/library/merge';
import type { LibraryEntry } from '../../../src/library/types';
import { documentsOf, LibraryIndex, RecordLookup, SearchIndex } from '../../../src/search';
import { fixtureDataset } from '../cards/fixture';

const bundled = fixtureDataset();
const bundledKeys = new Set(SearchIndex.build(documentsOf(bundled)).keys());
const noPause = async () => {};

/** One library entry: an article of `texts`, said by Putin or a person it introduces. */
function entry(n: number, texts: string[], newcomer = false): LibraryEntry {
  const person = {
    ...bundled.people[0]!,
    id: `newcomer-${n}`,
    name: `Zoltan Quiverfull${n}`,
    source: 'article' as const,
  };
  const dataset: Dataset = {
    ...bundled,
    people: newcomer ? [person] : [],
    articles: [{ ...bundled.articles[0]!, id: `lib-${n}`, title: `Library story ${n}`, url: null }],
    statements: texts.map((text, i) => ({
      id: `lib-${n}:s${i}`,
      article: `lib-${n}`,
      paragraph: i,
      speaker: newcomer ? person.id : 'vladimir-putin',
      kind: 'quote' as const,
      text,
      channel: null,
    })),
    coverage: [],
    exclusives: [],
  };
  return entriesFromDataset(dataset, 1000 + n)[0]!;
}

const QUERIES = ['zeppelin', 'zepelin', 'harbour', 'quiverfull', 'putin', 'library story', 's'];
const answers = (library: LibraryIndex) => QUERIES.map((q) => library.index.search(q, 20));

describe('LibraryIndex', () => {
  it('after adds and deletes answers as a first build of the same library', async () => {
    const a = entry(1, ['A zeppelin over the harbour', 'The harbour is closed']);
    const b = entry(2, ['Quiverfull speaks of a zeppelin'], true);
    const c = entry(3, ['Nothing about airships']);
    const library = await LibraryIndex.build(mergeDataset(bundled, [a]), bundledKeys, noPause);
    library.sync(mergeDataset(bundled, [a, b, c]));
    library.sync(mergeDataset(bundled, [b, c]));
    const fresh = await LibraryIndex.build(mergeDataset(bundled, [b, c]), bundledKeys, noPause);
    expect(answers(library)).toEqual(answers(fresh));
    expect(library.index.search('harbour', 5)).toEqual([]);
    expect(library.index.search('quiverfull', 5).map((r) => r.id)).toContain('newcomer-2');

    // The person the deleted article brought goes with it.
    library.sync(mergeDataset(bundled, [c]));
    expect(library.index.search('quiverfull', 5)).toEqual([]);
    expect(library.index.has('person:newcomer-2')).toBe(false);
  });

  it('a cached index catches up with the library in one full pass, then article by article', async () => {
    const a = entry(1, ['A zeppelin over the harbour']);
    const b = entry(2, ['Quiverfull speaks of a zeppelin'], true);
    const built = await LibraryIndex.build(mergeDataset(bundled, [a]), bundledKeys, noPause);
    // Its rows are read from the merged dataset the background holds now.
    const now = new RecordLookup(mergeDataset(bundled, [a, b]));
    const cached = SearchIndex.from(JSON.parse(JSON.stringify(built.index.serialize())), now);
    const library = LibraryIndex.from(cached, bundledKeys);
    library.sync(mergeDataset(bundled, [b]));
    library.sync(mergeDataset(bundled, [a, b]));
    const fresh = await LibraryIndex.build(mergeDataset(bundled, [a, b]), bundledKeys, noPause);
    expect(answers(library)).toEqual(answers(fresh));
  });
});
