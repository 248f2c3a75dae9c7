import Fuse from 'fuse.js';
import type { SearchDoc, SearchKind } from './documents';
import { decodePostings, encodePostings } from './postings';
import { STOPWORDS, tokenize } from './text';

/**
 * The index as `npm run build` writes it (data/search-index.json): the documents to show,
 * the sorted vocabulary, each term's document frequency and its packed postings. A posting
 * is `doc * 2 + 1` when the term is in the doc's title, `doc * 2` otherwise.
 */
export interface SerializedIndex {
  version: typeof INDEX_VERSION;
  docs: [SearchKind, string, string, string | null][];
  terms: string[];
  df: number[];
  postings: string[];
}

export const INDEX_VERSION = 1;

/** One hit, ready for the popup. */
export interface SearchResult {
  kind: SearchKind;
  id: string;
  title: string;
  detail: string | null;
  /** [start, end) ranges of `title` that matched the query. */
  marks: [number, number][];
  score: number;
}

/** Builds the serialised index; runs at build time for the bundled dataset. */
export function buildSearchIndex(docs: readonly SearchDoc[]): SerializedIndex {
  const postings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    const inTitle = new Set(tokenize(doc.title).map((t) => t.term));
    const all = new Set(inTitle);
    for (const t of tokenize(`${doc.detail ?? ''} ${doc.extra}`)) all.add(t.term);
    for (const term of all) {
      const list = postings.get(term);
      const p = i * 2 + (inTitle.has(term) ? 1 : 0);
      if (list) list.push(p);
      else postings.set(term, [p]);
    }
  });
  const terms = [...postings.keys()].sort();
  return {
    version: INDEX_VERSION,
    docs: docs.map((d) => [d.kind, d.id, d.title, d.detail]),
    terms,
    df: terms.map((t) => postings.get(t)!.length),
    postings: terms.map((t) => encodePostings(postings.get(t)!)),
  };
}

/** Tuning that decides what a typo or a partial word may match. */
const FUZZY = {
  /** fuse.js threshold for one term against another (0 exact … 1 anything). */
  threshold: 0.4,
  /** Shortest query word that is matched fuzzily. */
  minLength: 4,
  /** Most vocabulary terms one query word may expand to (by prefix or typo). */
  maxExpansions: 40,
};
const TITLE_BOOST = 1.6;
const CACHE_SIZE = 256;

interface TermMatch {
  term: number;
  weight: number;
}

/**
 * Typo-tolerant search over a prepared index. fuse.js ranks how well each vocabulary term
 * matches each query word (only over candidates that share letter pairs with it, so cost
 * does not grow with the dataset); an inverted index then scores documents by those terms,
 * weighted by rarity and by whether they are in the title.
 */
export class SearchIndex {
  private readonly decoded = new Map<number, Uint32Array>();
  private readonly expansions = new Map<string, TermMatch[]>();
  private bigrams: Map<string, number[]> | null = null;
  private readonly scores: Float32Array;
  private readonly tokenScores: Float32Array;
  private readonly masks: Uint8Array;

  private constructor(private readonly data: SerializedIndex) {
    this.scores = new Float32Array(data.docs.length);
    this.tokenScores = new Float32Array(data.docs.length);
    this.masks = new Uint8Array(data.docs.length);
  }

  /** Wraps a parsed `SerializedIndex`; refuses one from another version. */
  static from(data: SerializedIndex): SearchIndex {
    if (data?.version !== INDEX_VERSION || !Array.isArray(data.terms))
      throw new Error(`search index: expected version ${INDEX_VERSION}`);
    return new SearchIndex(data);
  }

  /** Builds and wraps in one step, for small runtime indexes (the reader's library). */
  static build(docs: readonly SearchDoc[]): SearchIndex {
    return new SearchIndex(buildSearchIndex(docs));
  }

  get size(): number {
    return this.data.docs.length;
  }

  /**
   * Documents matching `query`, best first. Every query word must match (exactly, as a
   * prefix, or within a typo); only when nothing matches them all are documents matching
   * some returned, ranked by how many.
   */
  search(query: string, limit = 50): SearchResult[] {
    const all = tokenize(query).map((t) => t.term);
    const meaningful = all.filter((t) => !STOPWORDS.has(t));
    const words = [...new Set(meaningful.length ? meaningful : all)].slice(0, 8);
    if (words.length === 0) return [];
    const typingLast = !/\s$/.test(query);

    const matched = words.map((w, i) => this.expand(w, typingLast && i === words.length - 1));
    const touched: number[] = [];
    const { scores, tokenScores, masks } = this;
    matched.forEach((matches, i) => {
      const here: number[] = [];
      // One rarity per query word (its best match's), so a rare near-miss never outranks
      // the word itself.
      const idf = matches[0] ? this.idf(matches[0].term) : 0;
      for (const { term, weight } of matches) {
        for (const p of this.postingsOf(term)) {
          const doc = p >>> 1;
          const s = weight * idf * (p & 1 ? TITLE_BOOST : 1);
          if (tokenScores[doc] === 0) here.push(doc);
          if (s > tokenScores[doc]!) tokenScores[doc] = s;
        }
      }
      for (const doc of here) {
        if (masks[doc] === 0) touched.push(doc);
        scores[doc]! += tokenScores[doc]!;
        masks[doc]! |= 1 << i;
        tokenScores[doc] = 0;
      }
    });

    const full = (1 << words.length) - 1;
    const hits: { doc: number; score: number }[] = [];
    let complete = 0;
    for (const doc of touched) if (masks[doc] === full) complete++;
    for (const doc of touched) {
      const mask = masks[doc]!;
      let score = scores[doc]!;
      if (mask !== full) {
        if (complete > 0) continue;
        score *= 0.25 * (popcount(mask) / words.length);
      }
      hits.push({ doc, score });
    }
    for (const doc of touched) {
      scores[doc] = 0;
      masks[doc] = 0;
    }

    hits.sort(
      (a, b) => b.score - a.score || this.titleOf(a.doc).length - this.titleOf(b.doc).length,
    );
    const found = new Set<string>();
    for (const list of matched) for (const m of list) found.add(this.data.terms[m.term]!);
    return hits.slice(0, limit).map(({ doc, score }) => {
      const [kind, id, title, detail] = this.data.docs[doc]!;
      return { kind, id, title, detail, score, marks: marksFor(title, found) };
    });
  }

  private idf(term: number): number {
    return Math.log(1 + this.data.docs.length / (this.data.df[term] ?? 1));
  }

  private titleOf(doc: number): string {
    return this.data.docs[doc]![2];
  }

  private postingsOf(term: number): Uint32Array {
    let list = this.decoded.get(term);
    if (!list) {
      list = decodePostings(this.data.postings[term] ?? '');
      this.decoded.set(term, list);
    }
    return list;
  }

  /** The vocabulary terms a query word stands for, with how well each matches (0..1]. */
  private expand(word: string, typing: boolean): TermMatch[] {
    const key = `${typing ? '+' : '='}${word}`;
    const cached = this.expansions.get(key);
    if (cached) {
      // Refresh its place in the LRU order.
      this.expansions.delete(key);
      this.expansions.set(key, cached);
      return cached;
    }
    const found = new Map<number, number>();
    const add = (term: number, weight: number) => {
      if (weight > (found.get(term) ?? 0)) found.set(term, weight);
    };
    const { terms } = this.data;
    const exact = lowerBound(terms, word);
    if (terms[exact] === word) add(exact, 1);

    // Partial words: the word being typed, or any word of three letters or more.
    if (typing || word.length >= 3) {
      const end = lowerBound(terms, word + '\uffff');
      const range: number[] = [];
      for (let t = exact; t < end; t++) if (terms[t] !== word) range.push(t);
      range.sort((a, b) => (this.data.df[b] ?? 0) - (this.data.df[a] ?? 0));
      for (const t of range.slice(0, FUZZY.maxExpansions))
        add(t, 0.55 + 0.4 * (word.length / terms[t]!.length));
    }

    if (word.length >= FUZZY.minLength) {
      for (const { term, score } of this.fuzzy(word, typing)) add(term, 0.9 * (1 - score));
    }

    const result = [...found]
      .map(([term, weight]) => ({ term, weight }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, FUZZY.maxExpansions);
    this.expansions.set(key, result);
    if (this.expansions.size > CACHE_SIZE) {
      this.expansions.delete(this.expansions.keys().next().value!);
    }
    return result;
  }

  /** Terms within a typo or two of `word`, scored by fuse.js. */
  private fuzzy(word: string, typing: boolean): { term: number; score: number }[] {
    const grams = bigramsOf(word);
    const errors = Math.max(1, Math.round(word.length * 0.3));
    const needed = Math.max(1, grams.size - 2 * errors);
    const minLen = word.length - errors;
    const maxLen = word.length + errors + (typing ? 4 : 0);
    const index = this.bigramIndex();
    const shared = new Map<number, number>();
    for (const g of grams) {
      for (const t of index.get(g) ?? []) shared.set(t, (shared.get(t) ?? 0) + 1);
    }
    const candidates: number[] = [];
    for (const [t, n] of shared) {
      if (n < needed) continue;
      const len = this.data.terms[t]!.length;
      if (len >= minLen && len <= maxLen) candidates.push(t);
    }
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((t) => this.data.terms[t]!),
      {
        includeScore: true,
        threshold: FUZZY.threshold,
        ignoreLocation: true,
        isCaseSensitive: true,
        shouldSort: true,
      },
    );
    return fuse
      .search(word, { limit: FUZZY.maxExpansions })
      .map((r) => ({ term: candidates[r.refIndex]!, score: r.score ?? 1 }));
  }

  private bigramIndex(): Map<string, number[]> {
    if (this.bigrams) return this.bigrams;
    const index = new Map<string, number[]>();
    this.data.terms.forEach((term, t) => {
      if (term.length < FUZZY.minLength - 1) return;
      for (const g of bigramsOf(term)) {
        const list = index.get(g);
        if (list) list.push(t);
        else index.set(g, [t]);
      }
    });
    this.bigrams = index;
    return index;
  }
}

/** Searches several indexes (the bundled dataset and the reader's library) as one. */
export function searchAll(indexes: readonly SearchIndex[], query: string, limit = 50) {
  return indexes
    .flatMap((index) => index.search(query, limit))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

function bigramsOf(word: string): Set<string> {
  const out = new Set<string>();
  const padded = ` ${word}`;
  for (let i = 0; i < padded.length - 1; i++) out.add(padded.slice(i, i + 2));
  return out;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function popcount(n: number): number {
  let c = 0;
  for (let m = n; m; m &= m - 1) c++;
  return c;
}

function marksFor(title: string, terms: Set<string>): [number, number][] {
  const marks: [number, number][] = [];
  for (const t of tokenize(title)) if (terms.has(t.term)) marks.push([t.start, t.end]);
  return marks;
}
