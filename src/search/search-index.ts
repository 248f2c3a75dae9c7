import Fuse from 'fuse.js';
import type { SearchDoc, SearchKind, Shown, ShownSource } from './documents';
import { IdTable } from './id-table';
import { decodePostings, decodeValues, encodePostings, encodeValues } from './postings';
import { FNV_OFFSET, FNV_PRIME, hashOf, SECOND_SEED, secondHashOf, TermTable } from './term-table';
import { normalise, STOPWORDS, tokenize } from './text';

/**
 * The index as `npm run build` writes it (data/search-index.json) and the library's cache
 * stores it. Columns, not records: a 100k-statement index parses as a few long strings
 * instead of half a million small ones. A posting is `doc * 2 + 1` when the term is in the
 * doc's title, `doc * 2` otherwise. No text a result shows: the dataset has it, and a
 * search reads it from there for the few rows it returns (`RecordLookup`); two thirds of
 * the file were that copy.
 */
export interface SerializedIndex {
  version: typeof INDEX_VERSION;
  /** One letter per doc (KIND_CODES). */
  kinds: string;
  /** Doc ids, joined by newlines. */
  ids: string;
  /** Each doc's title length (packed): ranking breaks ties by it. */
  titleLengths: string;
  /** Each doc's hash of title and detail (packed): tells a changed record without its text. */
  shown: string;
  /**
   * Sorted vocabulary, each term's document frequency, and its packed postings: all lists
   * in one string, `postingEnds` (packed, ascending) saying where each ends. One long string
   * parses at twice the speed of 25,000 short ones.
   */
  terms: string[];
  df: number[];
  postings: string;
  postingEnds: string;
}

/**
 * 4: words keep their combining marks and fold as `src/text/words.ts` does. 5: packed strings
 * hold no backslash (`postings.ts`). Caches of an older version are rebuilt.
 */
export const INDEX_VERSION = 5;

const KIND_CODES: Record<SearchKind, string> = {
  person: 'p',
  event: 'e',
  statement: 's',
  article: 'a',
  outlet: 'o',
};
const KIND_CHARS = Object.fromEntries(
  Object.entries(KIND_CODES).map(([kind, code]) => [kind, code.charCodeAt(0)]),
) as Record<SearchKind, number>;
const KIND_OF = Object.fromEntries(
  Object.entries(KIND_CODES).map(([kind, code]) => [code, kind]),
) as Record<string, SearchKind>;

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
  const index = SearchIndex.build(docs);
  return index.serialize();
}

/** Tuning that decides what a typo or a partial word may match. */
const FUZZY = {
  /** fuse.js threshold for one term against another (0 exact … 1 anything). */
  threshold: 0.4,
  /** Shortest query word that is matched fuzzily. */
  minLength: 4,
  /** Most vocabulary terms one query word may expand to (by prefix or typo). */
  maxExpansions: 40,
  /** Most vocabulary terms fuse.js scores for one query word. */
  maxCandidates: 300,
};
const TITLE_BOOST = 1.6;
/** Postings one query word reads before its weaker expansions are skipped. */
const MAX_POSTINGS = 20_000;
const CACHE_SIZE = 256;
/** From how many documents an `add` lays out postings in one pass (see `fillPostings`). */
const BULK = 256;
/** About how many distinct words a document has (a library's statements: 20). */
const TERMS_PER_DOC = 24;
/** Most distinct details whose term ids are kept. */
const DETAIL_CACHE = 50_000;

interface TermMatch {
  term: number;
  weight: number;
}

/**
 * Typo-tolerant search over an inverted index. fuse.js ranks how well each vocabulary term
 * matches each query word (only over candidates that share letter pairs with it, so cost
 * does not grow with the dataset); the postings of those terms then score documents,
 * weighted by rarity and by whether they are in the title, and only the best `limit` are
 * kept (a bounded heap, not a sort of every hit).
 *
 * The index is also mutable, so the reader's library is kept up to date one article at a
 * time: `add` appends documents, `remove` marks them dead and lowers their terms' document
 * frequencies, so that results equal a full rebuild's over the same documents.
 */
export class SearchIndex {
  private readonly docs = new DocStore();
  private alive = new Uint8Array(16);
  private live = 0;
  /**
   * Kind and id → doc, built when first needed (a loaded index that is never changed does
   * not make one): no `kind:id` string is made per record.
   */
  private byId: IdTable | null = null;
  /**
   * Each doc's terms, flat: doc d's are `terms[at[d] .. at[d + 1])`, each `term * 2 + 1` when
   * it is in the title (as a posting says it), `term * 2` otherwise. `remove` needs them, and
   * a bulk add lays its postings out from them; a loaded index inverts its postings once, at
   * its first change.
   */
  private forward: { terms: Grow; at: Grow } | null = null;

  // Vocabulary, by term id; `order` lists ids alphabetically (for prefixes).
  private terms: string[] = [];
  private termIds: Map<string, number> | null = null;
  private table: TermTable | null = null;
  private order: number[] = [];
  private orderDirty = false;
  private df: number[] = [];
  /** Postings still packed (from a serialised index), each list decoded on first use. */
  private packed = '';
  private packedEnds: Uint32Array = new Uint32Array(0);
  private lists: (Uint32Array | number[] | undefined)[] = [];
  /** Per term, the owned buffer a growing packed list lives in (see `append`). */
  private room: (Uint32Array | undefined)[] = [];
  private seen = new Int32Array(16);
  /**
   * The term ids of each detail seen: details repeat ("speaker · outlet · date" for every
   * statement of an article), so most are not read again.
   */
  private detailTerms = new Map<string, number>();
  /** Where `detailTerms` points: a count, then that many term ids, per detail. */
  private detailFlat = new Grow(1024);
  /** The same per detail parts array (by identity), and where it points. */
  private partsTerms = new Map<readonly string[], number>();
  private partsFlat = new Grow(1024);
  /** During a bulk `add`: postings are left for `fillPostings`. */
  private bulk = false;

  private readonly expansions = new Map<string, TermMatch[]>();
  private bigrams: Map<number, number[]> | null = null;
  /** Per term, how many of a typed word's letter pairs it holds; zero between queries. */
  private shared = new Uint16Array(0);
  /** The terms `shared` counts for, listed as they are first met (reused, like `shared`). */
  private touchedTerms = new Uint32Array(0);
  private scores = new Float32Array(0);
  private tokenScores = new Float32Array(0);
  private masks = new Uint8Array(0);
  /** `search`'s lists of documents, reused: new arrays on every keystroke fed the garbage collector. */
  private hereDocs = new Uint32Array(0);
  private touchedDocs = new Uint32Array(0);

  private records: ShownSource | undefined;

  private constructor() {}

  /**
   * Wraps a parsed `SerializedIndex`; refuses one from another version. `records` is where
   * its rows are read from when a search names none.
   */
  static from(data: SerializedIndex, records?: ShownSource): SearchIndex {
    if (data?.version !== INDEX_VERSION || !Array.isArray(data.terms))
      throw new Error(`search index: expected version ${INDEX_VERSION}`);
    const index = new SearchIndex();
    index.records = records;
    const n = index.docs.load(data);
    index.alive = new Uint8Array(Math.max(16, n)).fill(1, 0, n);
    index.live = n;
    // Copies of whole arrays, not element by element: this is the cold start's path.
    index.terms = data.terms.slice();
    index.df = data.df.slice();
    index.packed = data.postings;
    index.packedEnds = decodePostings(data.postingEnds, data.terms.length);
    index.lists = new Array<undefined>(data.terms.length);
    for (let t = 0; t < data.terms.length; t++) index.order.push(t);
    return index;
  }

  /** Builds an index in memory (the reader's library, tests, the build). */
  static build(docs: readonly SearchDoc[]): SearchIndex {
    const index = SearchIndex.empty(docs.length);
    index.addDocs(docs, true);
    index.fillPostings(0, 0);
    return index;
  }

  /**
   * Builds in slices, awaiting `pause()` between them, so that a background that builds a
   * large library's index still answers in the meantime. `docs` is cut into slices of `chunk`
   * documents, or is already a sequence of slices (made one by one, so making a slice's
   * documents is part of its slice, not of one long first step). `expected`: about how many
   * documents there will be, so that the arrays they fill are made once at their size instead
   * of doubled and copied all along.
   */
  static async buildInSlices(
    docs: readonly SearchDoc[] | Iterable<readonly SearchDoc[]>,
    pause: () => Promise<void>,
    chunk = 4000,
    expected = isDocList(docs) ? docs.length : 0,
  ): Promise<SearchIndex> {
    const index = SearchIndex.empty(expected);
    // The slices only read words; postings are laid out once at the end (the index is not
    // searched before it is returned), not copied again by every slice.
    let slices = 0;
    for (const slice of isDocList(docs) ? slicesOf(docs, chunk) : docs) {
      if (slices++ > 0) await pause();
      index.addDocs(slice, true);
    }
    if (slices > 1) await pause();
    index.fillPostings(0, 0);
    return index;
  }

  private static empty(expected = 0): SearchIndex {
    const index = new SearchIndex();
    index.forward = {
      terms: new Grow(Math.max(1 << 16, expected * TERMS_PER_DOC)),
      at: new Grow(expected + 1),
    };
    index.forward.at.push(0);
    index.idTable(expected);
    return index;
  }

  /** Live documents. */
  get size(): number {
    return this.live;
  }

  /** `kind:id` of every live document. */
  keys(): string[] {
    const out: string[] = [];
    for (let doc = 0; doc < this.docs.count; doc++) {
      if (this.alive[doc]) out.push(`${this.docs.kind(doc)}:${this.docs.id(doc)}`);
    }
    return out;
  }

  /** Whether a live document has this `kind:id`. */
  has(key: string): boolean {
    return this.docOf(key) !== undefined;
  }

  /** Whether the live document `kind:id` shows this title and detail. */
  shows(key: string, title: string, detail: string | null): boolean {
    const doc = this.docOf(key);
    return doc !== undefined && this.docs.shows(doc, title, detail);
  }

  /** Adds documents; one whose `kind:id` is already here replaces it. */
  add(docs: readonly SearchDoc[]): void {
    const firstDoc = this.docs.count;
    const firstEntry = this.forwardIndex().terms.length;
    const bulk = docs.length >= BULK;
    this.addDocs(docs, bulk);
    if (bulk) this.fillPostings(firstDoc, firstEntry);
  }

  /**
   * Reads `docs` into the forward index and the vocabulary; with `bulk`, leaves their
   * postings for `fillPostings` to lay out from the forward index.
   */
  private addDocs(docs: readonly SearchDoc[], bulk: boolean): void {
    this.changed();
    const byId = this.idTable();
    const forward = this.forwardIndex();
    this.grow(this.docs.count + docs.length);
    if (this.seen.length < this.terms.length) {
      const next = new Int32Array(this.terms.length * 2);
      next.set(this.seen);
      this.seen = next;
    }
    this.bulk = bulk;
    for (const d of docs) {
      const doc = this.docs.push(d);
      // One table operation per record: it says which doc had this kind and id before.
      const old = byId.set(KIND_CHARS[d.kind], d.id, doc);
      if (old >= 0) this.removeDoc(old);
      this.alive[doc] = 1;
      this.live++;
      // `seen` stamps each term with the last doc that listed it: no Set per doc.
      const stamp = doc + 1;
      this.postText(d.title, doc, 1, stamp, forward.terms);
      if (d.detailParts) this.postParts(d.detailParts, doc, stamp, forward.terms);
      else if (d.detail) this.postDetail(d.detail, doc, stamp, forward.terms);
      this.postText(d.extra, doc, 0, stamp, forward.terms);
      forward.at.push(forward.terms.length);
    }
    this.bulk = false;
  }

  /**
   * Lays out a bulk add's postings from the forward index: counted per term, then written
   * into one buffer, instead of growing thousands of arrays a posting at a time (a first
   * build spent a fifth of its time, and most of its garbage, there).
   */
  private fillPostings(firstDoc: number, firstEntry: number): void {
    const { terms, at } = this.forwardIndex();
    const n = this.terms.length;
    const counts = new Uint32Array(n);
    for (let k = firstEntry; k < terms.length; k++) counts[terms.get(k) >>> 1]!++;
    const lists: Uint32Array[] = new Array<Uint32Array>(n);
    const fill = new Uint32Array(n);
    let fresh = 0;
    for (let t = 0; t < n; t++)
      if (counts[t] && this.postingsOf(t).length === 0) fresh += counts[t]!;
    const buffer = new Uint32Array(fresh);
    let offset = 0;
    for (let t = 0; t < n; t++) {
      const count = counts[t]!;
      if (count === 0) continue;
      const old = this.postingsOf(t);
      if (old.length === 0) {
        lists[t] = buffer.subarray(offset, (offset += count));
      } else {
        const next = new Uint32Array(old.length + count);
        next.set(old);
        fill[t] = old.length;
        lists[t] = next;
      }
    }
    for (let doc = firstDoc, k = firstEntry; doc < this.docs.count; doc++) {
      for (const end = at.get(doc + 1); k < end; k++) {
        const entry = terms.get(k);
        const t = entry >>> 1;
        lists[t]![fill[t]!++] = doc * 2 + (entry & 1);
      }
    }
    for (let t = 0; t < n; t++) if (counts[t]) this.lists[t] = lists[t];
  }

  /** Removes documents by `kind:id`; unknown keys are ignored. */
  remove(keys: Iterable<string>): void {
    this.changed();
    for (const key of keys) {
      const doc = this.docOf(key);
      if (doc !== undefined) this.removeDoc(doc);
    }
  }

  /**
   * The live documents as a compact `SerializedIndex` (dead ones dropped, numbers and
   * vocabulary renumbered), equal to what `buildSearchIndex` makes of the same documents.
   */
  serialize(): SerializedIndex {
    const { docs } = this;
    const renumber = new Int32Array(docs.count).fill(-1);
    const kinds: string[] = [];
    const ids: string[] = [];
    const lengths: number[] = [];
    const hashes: number[] = [];
    for (let doc = 0, n = 0; doc < docs.count; doc++) {
      if (!this.alive[doc]) continue;
      renumber[doc] = n++;
      kinds.push(KIND_CODES[docs.kind(doc)]);
      ids.push(docs.id(doc));
      lengths.push(docs.titleLength(doc));
      hashes.push(docs.hash(doc));
    }
    this.sortOrder();
    const terms: string[] = [];
    const df: number[] = [];
    const postings: string[] = [];
    const ends: number[] = [];
    let end = 0;
    const list: number[] = [];
    for (const t of this.order) {
      if (this.df[t] === 0) continue;
      list.length = 0;
      const from = this.postingsOf(t);
      for (let k = 0; k < from.length; k++) {
        const p = from[k]!;
        const doc = renumber[p >>> 1]!;
        if (doc >= 0) list.push(doc * 2 + (p & 1));
      }
      terms.push(this.terms[t]!);
      df.push(list.length);
      const packed = encodePostings(list);
      postings.push(packed);
      ends.push((end += packed.length));
    }
    return {
      version: INDEX_VERSION,
      kinds: kinds.join(''),
      ids: ids.join('\n'),
      titleLengths: encodeValues(lengths),
      shown: encodeValues(hashes),
      terms,
      df,
      postings: postings.join(''),
      postingEnds: encodePostings(ends),
    };
  }

  /**
   * Documents matching `query`, best first. Every query word must match (exactly, as a
   * prefix, or within a typo); only when nothing matches them all are documents matching
   * some returned, ranked by how many. A loaded index reads what its rows show from
   * `records` (the dataset it was made from, or a newer one: a record gone from it is left
   * out); documents added since carry their own text.
   */
  search(query: string, limit = 50, records = this.records): SearchResult[] {
    const all = tokenize(query).map((t) => t.term);
    const meaningful = all.filter((t) => !STOPWORDS.has(t));
    const words = [...new Set(meaningful.length ? meaningful : all)].slice(0, 8);
    if (words.length === 0 || this.live === 0 || limit <= 0) return [];
    const typingLast = !/\s$/.test(query);
    this.sortOrder();
    if (this.scores.length < this.docs.count) {
      this.scores = new Float32Array(this.alive.length);
      this.tokenScores = new Float32Array(this.alive.length);
      this.masks = new Uint8Array(this.alive.length);
      this.hereDocs = new Uint32Array(this.alive.length);
      this.touchedDocs = new Uint32Array(this.alive.length);
    }

    const matched = words.map((w, i) => this.expand(w, typingLast && i === words.length - 1));
    const { scores, tokenScores, masks, alive, hereDocs: here, touchedDocs: touched } = this;
    let touches = 0;
    matched.forEach((matches, i) => {
      let heres = 0;
      // One rarity per query word (its best match's), so a rare near-miss never outranks
      // the word itself.
      const idf = matches[0] ? this.idf(matches[0].term) : 0;
      let volume = 0;
      for (const { term, weight } of matches) {
        // Weaker matches only while the word has read few postings: a one-letter prefix or
        // a typo of a common word must not read half the index.
        if (volume > MAX_POSTINGS && weight < 1) break;
        const list = this.postingsOf(term);
        volume += list.length;
        const base = weight * idf;
        const boosted = base * TITLE_BOOST;
        for (let k = 0; k < list.length; k++) {
          const p = list[k]!;
          const doc = p >>> 1;
          if (!alive[doc]) continue;
          const s = p & 1 ? boosted : base;
          const was = tokenScores[doc]!;
          if (s > was) {
            if (was === 0) here[heres++] = doc;
            tokenScores[doc] = s;
          }
        }
      }
      for (let h = 0; h < heres; h++) {
        const doc = here[h]!;
        if (masks[doc] === 0) touched[touches++] = doc;
        scores[doc]! += tokenScores[doc]!;
        masks[doc]! |= 1 << i;
        tokenScores[doc] = 0;
      }
    });

    const full = (1 << words.length) - 1;
    let complete = 0;
    for (let k = 0; k < touches; k++) if (masks[touched[k]!] === full) complete++;
    const best = new TopK(limit, (a, b) => this.better(a, b));
    for (let k = 0; k < touches; k++) {
      const doc = touched[k]!;
      const mask = masks[doc]!;
      let score = scores[doc]!;
      if (mask !== full) {
        if (complete > 0) continue;
        score *= 0.25 * (popcount(mask) / words.length);
      }
      best.offer(doc, score);
    }
    for (let k = 0; k < touches; k++) {
      const doc = touched[k]!;
      scores[doc] = 0;
      masks[doc] = 0;
    }

    const found = new Set<string>();
    for (const list of matched) for (const m of list) found.add(this.terms[m.term]!);
    const results: SearchResult[] = [];
    for (const { doc, score } of best.sorted()) {
      const shown = this.docs.shown(doc, records);
      if (!shown) continue;
      results.push({
        kind: this.docs.kind(doc),
        id: this.docs.id(doc),
        title: shown.title,
        detail: shown.detail,
        score,
        marks: marksFor(shown.title, found),
      });
    }
    return results;
  }

  /** Ranking order: score, then the shorter title, then kind and id (the same in any build). */
  private better(a: Hit, b: Hit): boolean {
    if (a.score !== b.score) return a.score > b.score;
    const la = this.docs.titleLength(a.doc);
    const lb = this.docs.titleLength(b.doc);
    if (la !== lb) return la < lb;
    const ka = this.docs.kind(a.doc);
    const kb = this.docs.kind(b.doc);
    if (ka !== kb) return ka < kb;
    return this.docs.id(a.doc) < this.docs.id(b.doc);
  }

  private idf(term: number): number {
    return Math.log(1 + this.live / Math.max(1, this.df[term] ?? 1));
  }

  private changed(): void {
    this.expansions.clear();
  }

  /** The id table; `expected`: about how many docs it will hold. */
  private idTable(expected = this.docs.count): IdTable {
    if (this.byId) return this.byId;
    const { docs } = this;
    const table = new IdTable(
      (doc, kind, id) => docs.kindChar(doc) === kind && docs.id(doc) === id,
      expected,
    );
    for (let doc = 0; doc < docs.count; doc++) {
      if (this.alive[doc]) table.set(docs.kindChar(doc), docs.id(doc), doc);
    }
    this.byId = table;
    return table;
  }

  /** The live doc `kind:id` (ids may hold ':', kinds do not). */
  private docOf(key: string): number | undefined {
    const colon = key.indexOf(':');
    const kind = KIND_CHARS[key.slice(0, colon) as SearchKind];
    if (colon < 0 || typeof kind !== 'number') return undefined;
    const doc = this.idTable().get(kind, key.slice(colon + 1));
    return doc >= 0 && this.alive[doc] ? doc : undefined;
  }

  private termId(term: string): number | undefined {
    if (!this.termIds) {
      this.termIds = new Map();
      this.terms.forEach((term, t) => this.termIds!.set(term, t));
    }
    return this.termIds.get(term);
  }

  private grow(docs: number): void {
    if (docs <= this.alive.length) return;
    const next = new Uint8Array(Math.max(docs, this.alive.length * 2));
    next.set(this.alive);
    this.alive = next;
  }

  /**
   * Lists `doc` under the words of its detail's parts. Records share parts arrays (see
   * `DocumentMaker`): their words are found once per array, by identity, not part by part.
   */
  private postParts(parts: readonly string[], doc: number, stamp: number, forward: Grow): void {
    const flat = this.partsFlat;
    const at = this.partsTerms.get(parts);
    if (at !== undefined) {
      for (let k = at + 1, end = at + 1 + flat.get(at); k < end; k++)
        this.post(flat.get(k), doc, 0, stamp, forward);
      return;
    }
    if (this.partsTerms.size >= DETAIL_CACHE) {
      this.partsTerms.clear();
      flat.length = 0;
    }
    const start = flat.length;
    flat.push(0);
    for (const part of parts) this.postDetail(part, doc, stamp, forward, flat);
    flat.set(start, flat.length - start - 1);
    this.partsTerms.set(parts, start);
  }

  /**
   * Lists `doc` under the words of its detail (or a part of it), read once per distinct one;
   * `collect`, when given, gets their term ids.
   */
  private postDetail(
    detail: string,
    doc: number,
    stamp: number,
    forward: Grow,
    collect?: Grow,
  ): void {
    const at = this.detailTerms.get(detail);
    const flat = this.detailFlat;
    if (at !== undefined) {
      for (let k = at + 1, end = at + 1 + flat.get(at); k < end; k++) {
        collect?.push(flat.get(k));
        this.post(flat.get(k), doc, 0, stamp, forward);
      }
      return;
    }
    if (this.detailTerms.size >= DETAIL_CACHE) {
      this.detailTerms.clear();
      flat.length = 0;
    }
    // Count, then the term ids, in one flat array: no small array per detail.
    const start = flat.length;
    flat.push(0);
    this.postText(detail, doc, 0, stamp, forward, flat);
    flat.set(start, flat.length - start - 1);
    this.detailTerms.set(detail, start);
    for (let k = start + 1; k < flat.length; k++) collect?.push(flat.get(k));
  }

  /**
   * Lists `doc` under every word of `text`, as `tokenize` + `normalise` would read them: ASCII
   * words are looked up by their letters in place, others are sliced and normalised. `seen`,
   * when given, collects every word's term id.
   */
  private postText(
    text: string,
    doc: number,
    inTitle: number,
    stamp: number,
    forward: Grow,
    seen?: Grow,
  ) {
    this.table ??= new TermTable(this.terms);
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 ? !ASCII_WORD[c] : !isWordChar(text, i)) {
        i += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
        continue;
      }
      const start = i;
      let hash = FNV_OFFSET;
      let second = SECOND_SEED;
      let ascii = true;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          const l = ASCII_FOLD[d]!;
          if (l === 0) break;
          hash = Math.imul(hash ^ l, FNV_PRIME);
          second = (Math.imul(second, 31) + l) | 0;
          i++;
          continue;
        }
        // A word starts with a letter or digit and keeps the marks that follow (tokenize).
        if (!isWordChar(text, i, true)) break;
        ascii = false;
        i += d >= 0xd800 && d < 0xdc00 ? 2 : 1;
      }
      let t: number;
      if (ascii) {
        t = this.table.find(i - start, hash, second);
        if (t < 0) t = this.newTerm(text.slice(start, i).toLowerCase());
      } else {
        const term = normalise(text.slice(start, i));
        if (!term) continue;
        t = this.termId(term) ?? this.newTerm(term);
      }
      seen?.push(t);
      this.post(t, doc, inTitle, stamp, forward);
    }
  }

  /** Lists `doc` under term `t` unless it already is (`seen` holds the doc's stamp). */
  private post(t: number, doc: number, inTitle: number, stamp: number, forward: Grow): void {
    if (this.seen[t] === stamp) return;
    this.seen[t] = stamp;
    this.df[t]!++;
    forward.push(t * 2 + inTitle);
    if (this.bulk) return;
    const list = this.lists[t] ?? this.decode(t);
    if (Array.isArray(list)) list.push(doc * 2 + inTitle);
    else this.append(t, list, doc * 2 + inTitle);
  }

  /**
   * Appends to a packed list (decoded, or laid out by a bulk add) in spare room of its own,
   * doubled when full: copying 100,000 postings into a JS array the first time a common word
   * gets one more made adding an article after a first build take three times as long.
   */
  private append(t: number, list: Uint32Array, value: number): void {
    const n = list.length;
    let room = this.room[t];
    if (
      !room ||
      room.buffer !== list.buffer ||
      list.byteOffset !== room.byteOffset ||
      n >= room.length
    ) {
      room = new Uint32Array(Math.max(16, n * 2));
      room.set(list);
      this.room[t] = room;
    }
    room[n] = value;
    this.lists[t] = room.subarray(0, n + 1);
  }

  private newTerm(term: string): number {
    const t = this.terms.length;
    this.terms.push(term);
    if (this.termIds) this.termIds.set(term, t);
    this.table?.insert(t, hashOf(term), secondHashOf(term), term.length);
    this.df.push(0);
    this.lists.push([]);
    if (t >= this.seen.length) {
      const next = new Int32Array(this.seen.length * 2);
      next.set(this.seen);
      this.seen = next;
    }
    this.order.push(t);
    this.orderDirty = true;
    this.indexGrams(term, t);
    return t;
  }

  private decode(t: number): Uint32Array {
    // Until the first change a packed list holds exactly its term's document frequency.
    const ends = this.packedEnds;
    const packed = t < ends.length ? this.packed.slice(t ? ends[t - 1] : 0, ends[t]) : '';
    const list = decodePostings(packed, this.forward ? undefined : this.df[t]);
    this.lists[t] = list;
    return list;
  }

  private postingsOf(t: number): ArrayLike<number> {
    return this.lists[t] ?? this.decode(t);
  }

  private removeDoc(doc: number): void {
    if (!this.alive[doc]) return;
    const { terms, at } = this.forwardIndex();
    this.alive[doc] = 0;
    this.live--;
    for (let k = at.get(doc); k < at.get(doc + 1); k++) this.df[terms.get(k) >>> 1]!--;
  }

  /** The forward index; a loaded index builds it once by inverting every posting list. */
  private forwardIndex(): { terms: Grow; at: Grow } {
    if (this.forward) return this.forward;
    const n = this.docs.count;
    const at = new Grow(n + 1);
    const counts = new Uint32Array(n + 1);
    for (let t = 0; t < this.terms.length; t++) {
      const list = this.postingsOf(t);
      for (let k = 0; k < list.length; k++) counts[(list[k]! >>> 1) + 1]!++;
    }
    for (let d = 0; d < n; d++) counts[d + 1]! += counts[d]!;
    for (let d = 0; d <= n; d++) at.push(counts[d]!);
    const terms = new Grow(counts[n]!);
    terms.length = counts[n]!;
    const fill = counts.slice(0, n);
    for (let t = 0; t < this.terms.length; t++) {
      const list = this.postingsOf(t);
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        terms.set(fill[p >>> 1]!++, t * 2 + (p & 1));
      }
    }
    this.forward = { terms, at };
    return this.forward;
  }

  private sortOrder(): void {
    if (!this.orderDirty) return;
    const { terms } = this;
    this.order.sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
    this.orderDirty = false;
  }

  /** First position in `order` whose term is ≥ `value`. */
  private lowerBound(value: string): number {
    const { order, terms } = this;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[order[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
    const { terms, df, order } = this;
    const start = this.lowerBound(word);
    const exactId = terms[order[start]!] === word ? order[start]! : undefined;
    if (exactId !== undefined && df[exactId]! > 0) add(exactId, 1);

    // Partial words: the word being typed, or any word of three letters or more. The most
    // frequent completions, kept in a bounded list rather than sorting the whole range.
    if (typing || word.length >= 3) {
      const end = this.lowerBound(word + '\uffff');
      const top: number[] = [];
      for (let i = start; i < end; i++) {
        const t = order[i]!;
        if (t === exactId || df[t] === 0) continue;
        if (top.length === FUZZY.maxExpansions && df[t]! <= df[top.at(-1)!]!) continue;
        let j = top.length;
        while (j > 0 && df[top[j - 1]!]! < df[t]!) j--;
        top.splice(j, 0, t);
        if (top.length > FUZZY.maxExpansions) top.pop();
      }
      for (const t of top) add(t, 0.55 + 0.4 * (word.length / terms[t]!.length));
    }

    if (word.length >= FUZZY.minLength) {
      for (const { term, score } of this.fuzzy(word, typing)) add(term, 0.9 * (1 - score));
    }

    const result = [...found]
      .map(([term, weight]) => ({ term, weight }))
      .sort((a, b) => b.weight - a.weight || (terms[a.term]! < terms[b.term]! ? -1 : 1))
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
    const { terms } = this;
    // Counted in a typed array, not a Map: in a big library a short word's letter pairs list
    // tens of thousands of terms (profiled while typing: 193 ms of this function, now 77).
    if (this.shared.length < terms.length) {
      this.shared = new Uint16Array(terms.length * 2);
      this.touchedTerms = new Uint32Array(terms.length * 2);
    }
    const { shared, touchedTerms: touched } = this;
    let touches = 0;
    for (const g of grams) {
      for (const t of index.get(g) ?? []) {
        const n = shared[t]!;
        if (n === 0) touched[touches++] = t;
        shared[t] = n + 1;
      }
    }
    let candidates: number[] = [];
    for (let k = 0; k < touches; k++) {
      const t = touched[k]!;
      if (shared[t]! < needed || this.df[t] === 0) continue;
      const len = terms[t]!.length;
      if (len >= minLen && len <= maxLen) candidates.push(t);
    }
    const byName = (a: number, b: number) => (terms[a]! < terms[b]! ? -1 : 1);
    // A short word shares a letter pair with thousands of terms: fuse.js scores only those
    // sharing the most (a word within a typo or two shares most of its pairs).
    if (candidates.length > FUZZY.maxCandidates) {
      candidates = mostShared(candidates, shared, FUZZY.maxCandidates, byName);
    }
    for (let k = 0; k < touches; k++) shared[touched[k]!] = 0;
    if (candidates.length === 0) return [];
    // Alphabetical, so that ties rank the same however the vocabulary grew.
    candidates.sort(byName);
    const fuse = new Fuse(
      candidates.map((t) => terms[t]!),
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

  /**
   * Builds the letter-pair index typo matching reads, which the first typo-tolerant search
   * otherwise builds: with a 10,000-article library that made one keystroke 40–60 ms slower.
   * The background calls it when it has a moment (`SearchService`).
   */
  prepareTypos(): void {
    this.bigramIndex();
  }

  /** Letter pair → terms that hold it (pairs as numbers: no strings to build or hash). */
  private bigramIndex(): Map<number, number[]> {
    if (this.bigrams) return this.bigrams;
    const index = new Map<number, number[]>();
    this.bigrams = index;
    this.terms.forEach((term, t) => this.indexGrams(term, t));
    return index;
  }

  private indexGrams(term: string, t: number): void {
    const index = this.bigrams;
    if (!index || term.length < FUZZY.minLength - 1) return;
    for (const g of bigramsOf(term)) {
      const list = index.get(g);
      if (list) list.push(t);
      else index.set(g, [t]);
    }
  }
}

/** Each ASCII word character's lower-case code (0: not a word character): one look-up per letter. */
const ASCII_FOLD = Uint8Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c))
    ? String.fromCharCode(c).toLowerCase().charCodeAt(0)
    : 0,
);
/** Which ASCII codes are word characters (letters and digits, as `\p{L}\p{N}`). */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0,
);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK_CHAR = /^\p{M}$/u;
const wordChars = new Map<number, number>();
/**
 * Per BMP code unit outside surrogates: 0 unknown, 1 a letter or digit, 2 a combining mark,
 * 3 neither (no map look-up).
 */
const bmpWordChars = new Uint8Array(65536);

/**
 * Whether the code point at `i` (not ASCII) is a letter or a digit, or, `inWord`, also a
 * combining mark (a word is not cut at its marks).
 */
function isWordChar(text: string, i: number, inWord = false): boolean {
  const c = text.charCodeAt(i);
  let kind = bmpWordChars[c]!;
  if (kind === 0) {
    const cp = text.codePointAt(i)!;
    let k = wordChars.get(cp);
    if (k === undefined) {
      const ch = String.fromCodePoint(cp);
      k = WORD_CHAR.test(ch) ? 1 : MARK_CHAR.test(ch) ? 2 : 3;
      wordChars.set(cp, k);
    }
    if (c < 0xd800 || c > 0xdfff) bmpWordChars[c] = k;
    kind = k;
  }
  return kind === 1 || (inWord && kind === 2);
}

/** A growable Uint32Array. */
class Grow {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }
}

/**
 * Documents by number: a serialised index's columns, read on demand (loading slices
 * nothing), then the documents added since, with their text.
 */
class DocStore {
  count = 0;
  private base = 0;
  private kindCodes = '';
  /** Loaded docs' ids, joined by newlines, and where each starts (no 100,000 strings made). */
  private idText = '';
  private idStarts = new Uint32Array(1);
  /** Ids of the docs added since. */
  private readonly ids: string[] = [];
  private lengths: Uint32Array = new Uint32Array(0);
  /** Packed until `shows` first needs them (only a changed library does). */
  private packedHashes = '';
  private hashColumn: Uint32Array | null = null;
  /** Where each kind's docs start among the loaded ones: a doc's place in its dataset list. */
  private kindStart = new Map<string, number>();
  private readonly kinds: SearchKind[] = [];
  private readonly titles: string[] = [];
  private readonly details: (string | null)[] = [];

  /** Takes a serialised index's columns; returns how many docs they hold. */
  load(data: SerializedIndex): number {
    this.kindCodes = data.kinds;
    const n = data.kinds.length;
    const text = data.ids;
    const starts = new Uint32Array(n + 1);
    for (let d = 1, at = 0; d < n; d++) starts[d] = at = text.indexOf('\n', at) + 1;
    starts[n] = text.length + 1;
    this.idText = text;
    this.idStarts = starts;
    this.lengths = decodeValues(data.titleLengths);
    this.packedHashes = data.shown;
    this.base = this.count = n;
    return n;
  }

  push(doc: SearchDoc): number {
    this.kinds.push(doc.kind);
    this.ids.push(doc.id);
    this.titles.push(doc.title);
    this.details.push(doc.detail);
    return this.count++;
  }

  kind(doc: number): SearchKind {
    return doc < this.base ? KIND_OF[this.kindCodes[doc]!]! : this.kinds[doc - this.base]!;
  }

  /** The doc's kind code as a char code (see `KIND_CHARS`). */
  kindChar(doc: number): number {
    return doc < this.base
      ? this.kindCodes.charCodeAt(doc)
      : KIND_CHARS[this.kinds[doc - this.base]!];
  }

  id(doc: number): string {
    if (doc >= this.base) return this.ids[doc - this.base]!;
    return this.idText.slice(this.idStarts[doc], this.idStarts[doc + 1]! - 1);
  }

  private get hashes(): Uint32Array {
    return (this.hashColumn ??= decodeValues(this.packedHashes));
  }

  titleLength(doc: number): number {
    if (doc >= this.base) return this.titles[doc - this.base]!.length;
    return this.lengths[doc]!;
  }

  hash(doc: number): number {
    if (doc < this.base) return this.hashes[doc]!;
    return shownHash(this.titles[doc - this.base]!, this.details[doc - this.base]!);
  }

  shows(doc: number, title: string, detail: string | null): boolean {
    if (doc < this.base) {
      return this.lengths[doc] === title.length && this.hashes[doc] === shownHash(title, detail);
    }
    return this.titles[doc - this.base] === title && this.details[doc - this.base] === detail;
  }

  /** What the doc shows: its own text, or for a loaded doc the dataset's (null: gone). */
  shown(doc: number, records: ShownSource | undefined): Shown | null {
    if (doc >= this.base) {
      return { title: this.titles[doc - this.base]!, detail: this.details[doc - this.base]! };
    }
    if (!records) throw new Error('search index: a loaded index shows results from the dataset');
    const code = this.kindCodes[doc]!;
    let start = this.kindStart.get(code);
    if (start === undefined) this.kindStart.set(code, (start = this.kindCodes.indexOf(code)));
    return records.shown(KIND_OF[code]!, this.id(doc), doc - start);
  }
}

function isDocList(
  docs: readonly SearchDoc[] | Iterable<readonly SearchDoc[]>,
): docs is readonly SearchDoc[] {
  return Array.isArray(docs);
}

function* slicesOf(docs: readonly SearchDoc[], chunk: number): Iterable<readonly SearchDoc[]> {
  for (let i = 0; i < docs.length; i += chunk) yield docs.slice(i, i + chunk);
}

/** A 30-bit hash of what a doc shows (FNV-1a), stored instead of the text. */
function shownHash(title: string, detail: string | null): number {
  return hashOf(`${title}\u0000${detail ?? '\u0001'}`) >>> 2;
}

interface Hit {
  doc: number;
  score: number;
}

/**
 * The `k` terms that share the most letter pairs (`shared`), ties by name: what sorting them
 * all by (count, name) and keeping `k` gives, but only the terms at the cut-off count are
 * sorted: a four-letter word shares a pair with thousands of terms, and in a profile of the
 * bench's keystrokes that sort's comparisons took 6% of the time.
 */
export function mostShared(
  terms: number[],
  shared: Uint16Array,
  k: number,
  byName: (a: number, b: number) => number,
): number[] {
  let most = 0;
  for (const t of terms) most = Math.max(most, shared[t]!);
  const perCount = new Uint32Array(most + 1);
  for (const t of terms) perCount[shared[t]!]!++;
  // The cut-off: every term above it is kept, and the first of those at it by name.
  let cut = most;
  for (let above = 0; cut > 0 && above + perCount[cut]! < k; cut--) above += perCount[cut]!;
  const kept: number[] = [];
  const tied: number[] = [];
  for (const t of terms) {
    const n = shared[t]!;
    if (n > cut) kept.push(t);
    else if (n === cut) tied.push(t);
  }
  tied.sort(byName);
  for (let i = 0; kept.length < k && i < tied.length; i++) kept.push(tied[i]!);
  return kept;
}

/** The best `k` of what it is offered: a binary heap whose root is the worst kept. */
class TopK {
  private readonly heap: Hit[] = [];
  private readonly probe: Hit = { doc: 0, score: 0 };

  constructor(
    private readonly k: number,
    private readonly better: (a: Hit, b: Hit) => boolean,
  ) {}

  offer(doc: number, score: number): void {
    const { heap, k, better } = this;
    if (heap.length < k) {
      heap.push({ doc, score });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent]!, heap[i]!)) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
      return;
    }
    // Most offers lose to the worst kept: decide that before allocating anything.
    const root = heap[0]!;
    if (score < root.score) return;
    const probe = this.probe;
    probe.doc = doc;
    probe.score = score;
    if (!better(probe, root)) return;
    root.doc = doc;
    root.score = score;
    for (let i = 0; ;) {
      const l = i * 2 + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) break;
      [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
      i = worst;
    }
  }

  /** Best first. */
  sorted(): Hit[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }
}

/** An index and the dataset its rows are read from (see `SearchIndex.search`). */
export interface SearchSource {
  index: SearchIndex;
  records?: ShownSource;
}

/** Searches several indexes (the bundled dataset and the reader's library) as one. */
export function searchAll(
  sources: readonly (SearchIndex | SearchSource)[],
  query: string,
  limit = 50,
): SearchResult[] {
  return sources
    .flatMap((s) =>
      s instanceof SearchIndex ? s.search(query, limit) : s.index.search(query, limit, s.records),
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** A word's letter pairs, the first with a leading space, each as one number. */
function bigramsOf(word: string): Set<number> {
  const out = new Set<number>();
  let previous = 32;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    out.add(previous * 65536 + c);
    previous = c;
  }
  return out;
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
