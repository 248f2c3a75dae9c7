import type { Dataset } from '../dataset/types';
import { IndexCache } from '../library/index-cache';
import { loadBundledDataset, loadPackagedJson } from '../shared/dataset-source';
import { PACKAGED } from '../shared/packaged-files';
import {
  LibraryIndex,
  RecordLookup,
  SearchIndex,
  searchAll,
  type SearchResult,
  type SerializedIndex,
} from '../search';

/** Where `npm run build` puts the prepared index of the bundled dataset. */
export const BUNDLED_INDEX_PATH = `/${PACKAGED.searchIndex}` as const;

/** How long a search waits for the library's index before answering from the bundled one. */
const LIBRARY_GRACE_MS = 250;
/** Quiet time after a library change before the index is written to the cache. */
const CACHE_DELAY_MS = 2000;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Builds an index's typo tables in a task of their own, off the next keystroke's path. */
const prepareTyposSoon = (index: SearchIndex) => setTimeout(() => index.prepareTypos(), 0);

interface Options {
  cache?: IndexCache;
  /** Wait before caching; tests pass 0. */
  cacheDelayMs?: number;
  /** The bundled dataset, whose records the bundled index's rows show (default: the packaged one). */
  bundledDataset?: () => Promise<Dataset>;
}

interface Bundled {
  index: SearchIndex;
  records: RecordLookup;
  /** `kind:id` of every bundled record, made when the library's index first needs them. */
  keys: () => Set<string>;
}

/**
 * The popup's search: the index prepared at build time, plus one for the reader's library.
 * Kept in the background so a popup that opens and closes pays nothing, and so the library's
 * index is built off the popup's thread, in slices (searches answer from the bundled index
 * meanwhile), then kept up to date article by article and cached for the next restart.
 * Neither index holds the text its rows show: that is read from the bundled dataset and
 * from the merged one (which the background loads for cards anyway).
 */
export class SearchService {
  private bundled: Promise<Bundled> | null = null;
  private library: LibraryIndex | null = null;
  /** The library revision `library` reflects. */
  private revisionShown: number | null = null;
  /** The merged dataset's records the library's rows are read from, and their revision. */
  private records: { revision: number; lookup: Promise<RecordLookup> } | null = null;
  private updating: { revision: number; done: Promise<void> } | null = null;
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;
  private cacheWrite: Promise<void> = Promise.resolve();
  private readonly cache: IndexCache;
  private readonly cacheDelayMs: number;
  private readonly bundledDataset: () => Promise<Dataset>;

  constructor(
    private readonly dataset: (revision: number) => Promise<Dataset>,
    private readonly revision: () => Promise<number>,
    options: Options = {},
  ) {
    this.cache = options.cache ?? new IndexCache();
    this.cacheDelayMs = options.cacheDelayMs ?? CACHE_DELAY_MS;
    this.bundledDataset = options.bundledDataset ?? loadBundledDataset;
  }

  async search(query: string, limit: number): Promise<SearchResult[]> {
    const bundled = await this.loadBundled();
    const revision = await this.revision();
    if (this.revisionShown !== revision) {
      const update = this.update(revision, bundled.keys);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, LIBRARY_GRACE_MS)));
      await Promise.race([update, grace]);
      clearTimeout(timer);
    }
    const own = this.library?.index;
    const shown = this.revisionShown;
    if (!own?.size || shown === null) return bundled.index.search(query, limit, bundled.records);
    const records = await this.libraryRecords(shown);
    return searchAll(
      [
        { index: bundled.index, records: bundled.records },
        { index: own, records },
      ],
      query,
      limit,
    );
  }

  /** The merged dataset's records at `revision` (a cached index is read with them). */
  private libraryRecords(revision: number): Promise<RecordLookup> {
    if (this.records?.revision !== revision) {
      const lookup = this.dataset(revision)
        .then((dataset) => new RecordLookup(dataset))
        .catch((error: unknown) => {
          if (this.records?.lookup === lookup) this.records = null;
          throw error;
        });
      this.records = { revision, lookup };
    }
    return this.records.lookup;
  }

  /** Resolves once pending index updates and cache writes are done (for tests and the bench). */
  async settled(): Promise<void> {
    await this.updating?.done;
    if (this.cacheTimer !== null) {
      clearTimeout(this.cacheTimer);
      this.cacheTimer = null;
      this.writeCache();
    }
    await this.cacheWrite;
  }

  /** Brings the library's index to `revision`; one update at a time, the newest wins. */
  private update(revision: number, keys: () => Set<string>): Promise<void> {
    if (this.updating?.revision === revision) return this.updating.done;
    const previous = this.updating?.done ?? Promise.resolve();
    const done = previous
      .then(() => this.apply(revision, keys))
      .catch((error: unknown) => console.error('Counterpoint: library search index', error))
      .finally(() => {
        if (this.updating?.done === done) this.updating = null;
      });
    this.updating = { revision, done };
    return done;
  }

  private async apply(revision: number, bundledKeys: () => Set<string>): Promise<void> {
    if (this.revisionShown === revision) return;
    if (this.library === null) {
      const cached = await this.cache.latest();
      const index = cached && fromCache(cached.index);
      if (cached && index) {
        this.library = LibraryIndex.from(index, bundledKeys());
        prepareTyposSoon(index);
        this.revisionShown = cached.revision;
        if (cached.revision === revision) return;
      }
    }
    // Index only what the build did not: the reader's articles and the people they added.
    const dataset = await this.dataset(revision);
    const keys = bundledKeys();
    if (this.library === null) {
      this.library = await LibraryIndex.build(dataset, keys, pause);
      prepareTyposSoon(this.library.index);
    } else this.library.sync(dataset);
    this.revisionShown = revision;
    this.records = { revision, lookup: Promise.resolve(new RecordLookup(dataset)) };
    this.scheduleCacheWrite();
  }

  private scheduleCacheWrite(): void {
    if (this.cacheTimer !== null) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      this.writeCache();
    }, this.cacheDelayMs);
  }

  private writeCache(): void {
    const { revisionShown } = this;
    const library = this.library?.index;
    if (!library || revisionShown === null) return;
    const data = library.size ? library.serialize() : null;
    this.cacheWrite = this.cacheWrite.then(() => this.cache.put(revisionShown, data));
  }

  private loadBundled(): Promise<Bundled> {
    this.bundled ??= Promise.all([
      loadPackagedJson<SerializedIndex>(BUNDLED_INDEX_PATH, 'search index'),
      this.bundledDataset(),
    ])
      .then(([data, dataset]) => {
        const index = SearchIndex.from(data);
        prepareTyposSoon(index);
        let keys: Set<string> | undefined;
        return {
          index,
          records: new RecordLookup(dataset),
          keys: () => (keys ??= new Set(index.keys())),
        };
      })
      .catch((error: unknown) => {
        this.bundled = null;
        throw error;
      });
    return this.bundled;
  }
}

/** A cached index, or undefined when it is from another index version (rebuilt instead). */
function fromCache(data: SerializedIndex | null): SearchIndex | undefined {
  try {
    return data ? SearchIndex.from(data) : SearchIndex.build([]);
  } catch {
    return undefined;
  }
}
