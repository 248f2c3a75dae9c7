/**
 * Search bench: the popup's search (fuse.js over the vocabulary + packed inverted index)
 * against plain fuse.js over every record, on generated datasets of 10k and 100k statements.
 */
import Fuse from 'fuse.js';
import type { Dataset } from '../../src/dataset/types';
import { entriesFromDataset } from '../../src/library/convert';
import { mergeDataset } from '../../src/library/merge';
import {
  buildSearchIndex,
  documentsOf,
  SearchIndex,
  searchAll,
  type SearchDoc,
} from '../../src/search';
import { realParagraphs } from './pages';
import { percentile, round } from './stats';

/** Queries as people type them, misspellings included; every prefix is a keystroke. */
export const QUERIES = [
  'Kosachov',
  'nucelar showdown',
  'Klintsevitch',
  'putin summit',
  'denuclearisation',
  'Singapore',
  'dialog resumed',
  'trump letter kim',
  'Macron hitch',
  'Washington lost the game',
];

/** A deterministic pseudo-random sequence, so every run benches the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = 'ka ro vi na ter mol sen da lu pra shev ov in ko zha bar mi tsu len gor'.split(
  ' ',
);

/**
 * A dataset of `statements` statements cut from real paragraphs (seed and corpus articles),
 * ten per article, with generated names mixed in so the vocabulary grows as a real archive's
 * would (about one new word per statement).
 */
export function generateDataset(root: string, statements: number): Dataset {
  const rand = random(statements);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sentences = realParagraphs(root)
    .flatMap((p) => p.split(/(?<=[.!?”"])\s+/))
    .filter((s) => s.length > 30 && s.length < 400);
  const word = () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join('');
  const outlets = ['rt', 'cnn', 'bbc', 'tass', 'reuters', 'afp', 'yonhap', 'le-monde'].map(
    (id) => ({ id, name: id.toUpperCase(), country: null, ownership: null, homepage: null }),
  );
  const people = Array.from({ length: 400 }, (_, i) => {
    const name = `${word()} ${word()}`.replace(/\b\w/g, (c) => c.toUpperCase());
    return {
      id: `p${i}`,
      name,
      aliases: [],
      shortForms: [],
      ambiguousShortForms: [],
      namesakes: [],
      titles: [],
      role: null,
      country: null,
      source: 'article' as const,
    };
  });
  const articles: Dataset['articles'] = [];
  const out: Dataset['statements'] = [];
  for (let i = 0; i < statements; i++) {
    if (i % 10 === 0) {
      articles.push({
        id: `a${articles.length}`,
        file: `a${articles.length}.txt`,
        outlet: pick(outlets).id,
        title: pick(sentences).slice(0, 90),
        published: '2018-05-24',
        url: null,
        language: 'en',
        paragraphs: [],
      });
    }
    const text = `${pick(sentences)} ${rand() < 0.5 ? word() : ''}`.trim();
    out.push({
      id: `a${articles.length - 1}:s${i % 10}`,
      article: articles.at(-1)!.id,
      paragraph: 0,
      speaker: pick(people).id,
      kind: rand() < 0.6 ? 'quote' : 'paraphrase',
      text,
      channel: null,
    });
  }
  return {
    version: 1,
    articles,
    people,
    outlets,
    events: [],
    statements: out,
    coverage: [],
    exclusives: [],
  } as unknown as Dataset;
}

export interface SearchFigures {
  statements: number;
  docs: number;
  terms: number;
  indexBytes: number;
  buildMs: number;
  /** JSON.parse of the shipped file + wrapping it: what a cold background pays once. */
  loadMs: number;
  keystrokes: number;
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  /** Load + first keystroke: the worst case of opening the popup on a cold background. */
  coldFirstQueryMs: number;
  fuseQueries: number;
  fuseMedianMs: number;
  fuseP95Ms: number;
  /** Share of queries where plain fuse.js's top hit (by text) is in our top 10. */
  fuseTopHitAgreement: number;
}

/** Benches one generated size. `fuseRuns` caps the (slow) plain fuse.js queries. */
export function benchSearch(root: string, statements: number, fuseRuns: number): SearchFigures {
  const dataset = generateDataset(root, statements);
  const docs = documentsOf(dataset);
  let t = performance.now();
  const serialized = JSON.stringify(buildSearchIndex(docs));
  const buildMs = performance.now() - t;

  t = performance.now();
  const index = SearchIndex.from(JSON.parse(serialized));
  const loadMs = performance.now() - t;

  const times: number[] = [];
  let coldFirstQueryMs = 0;
  for (const query of QUERIES) {
    for (let n = 1; n <= query.length; n++) {
      const s = performance.now();
      index.search(query.slice(0, n), 40);
      const took = performance.now() - s;
      if (times.length === 0) coldFirstQueryMs = loadMs + took;
      times.push(took);
    }
  }

  const fuse = new Fuse<SearchDoc>(docs, {
    keys: ['title', 'extra'],
    includeScore: true,
    ignoreLocation: true,
  });
  const fuseTimes: number[] = [];
  let agree = 0;
  const fuseQueries = QUERIES.slice(0, fuseRuns);
  for (const query of fuseQueries) {
    const s = performance.now();
    const [best] = fuse.search(query, { limit: 10 });
    fuseTimes.push(performance.now() - s);
    // By text: generated data repeats sentences, so equal hits differ only by id.
    const ours = index.search(query, 10).map((r) => r.title);
    if (!best || ours.includes(best.item.title)) agree++;
  }
  const parsed = JSON.parse(serialized) as { terms: string[] };
  return {
    statements,
    docs: docs.length,
    terms: parsed.terms.length,
    indexBytes: serialized.length,
    buildMs: round(buildMs),
    loadMs: round(loadMs),
    keystrokes: times.length,
    keystrokeMedianMs: round(percentile(times, 0.5)),
    keystrokeP95Ms: round(percentile(times, 0.95)),
    coldFirstQueryMs: round(coldFirstQueryMs),
    fuseQueries: fuseQueries.length,
    fuseMedianMs: round(percentile(fuseTimes, 0.5)),
    fuseP95Ms: round(percentile(fuseTimes, 0.95)),
    fuseTopHitAgreement: round(agree / Math.max(1, fuseQueries.length)),
  };
}

export interface LibraryFigures {
  articles: number;
  statements: number;
  /** Merging the library into the bundled dataset (what the background does after a change). */
  mergeMs: number;
  /** Building the library's search index at run time (first search after a change). */
  indexMs: number;
  keystrokeP95Ms: number;
}

/** A reader's library of `articles` articles (10 statements each) beside the bundled dataset. */
export function benchLibrary(root: string, bundled: Dataset, articles: number): LibraryFigures {
  const library = generateDataset(root, articles * 10);
  const entries = entriesFromDataset(library, Date.now());
  let t = performance.now();
  const merged = mergeDataset(bundled, entries);
  const mergeMs = performance.now() - t;
  const known = new Set(documentsOf(bundled).map((d) => `${d.kind}:${d.id}`));
  t = performance.now();
  const own = SearchIndex.build(documentsOf(merged).filter((d) => !known.has(`${d.kind}:${d.id}`)));
  const indexMs = performance.now() - t;
  const bundledIndex = SearchIndex.build(documentsOf(bundled));
  const times: number[] = [];
  for (const query of QUERIES) {
    for (let n = 1; n <= query.length; n++) {
      const s = performance.now();
      searchAll([bundledIndex, own], query.slice(0, n), 40);
      times.push(performance.now() - s);
    }
  }
  return {
    articles: entries.length,
    statements: library.statements.length,
    mergeMs: round(mergeMs),
    indexMs: round(indexMs),
    keystrokeP95Ms: round(percentile(times, 0.95)),
  };
}
