import type { Dataset } from '../dataset/types';
import { IndexCache } from '../library/index-cache';
import { loadPackagedJson } from '../shared/dataset-source';
import { PACKAGED } from '../shared/packaged-files';
import {
  LibraryIndex,
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

interface Options {
  cache?: IndexCache;
  /** Wait before caching; tests pass 0. */
  cacheDelayMs?: number;
}

/**
 * The popup's search: the index prepared at build time, plus one for the reader's library.
 * Kept in the background so a popup that opens and closes pays nothing, and so the library's
 * index is built off the popup's thread, in slices (searches answer from the bundled index
 * meanwhile), then kept up to date article by article and cached for the next restart.
 */
export class SearchService {
  private bundled: Promise<{ index: SearchIndex; keys: Set<string> }> | null = null;
  private library: LibraryIndex | null = null;
  /** The library revision `library` reflects. */
  private revisionShown: number | null = null;
  private updating: { revision: number; done: Promise<void> } | null = null;
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;
  private cacheWrite: Promise<void> = Promise.resolve();
  private readonly cache: IndexCache;
  private readonly cacheDelayMs: number;

  constructor(
    private readonly dataset: (revision: number) => Promise<Dataset>,
    private readonly revision: () => Promise<number>,
    options: Options = {},
  ) {
    this.cache = options.cache ?? new IndexCache();
    this.cacheDelayMs = options.cacheDelayMs ?? CACHE_DELAY_MS;
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
    const indexes = own?.size ? [bundled.index, own] : [bundled.index];
    return searchAll(indexes, query, limit);
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
  private update(revision: number, keys: Set<string>): Promise<void> {
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

  private async apply(revision: number, keys: Set<string>): Promise<void> {
    if (this.revisionShown === revision) return;
    if (this.library === null) {
      const cached = await this.cache.latest();
      const index = cached && fromCache(cached.index);
      if (cached && index) {
        this.library = LibraryIndex.from(index, keys);
        this.revisionShown = cached.revision;
        if (cached.revision === revision) return;
      }
    }
    // Index only what the build did not: the reader's articles and the people they added.
    const dataset = await this.dataset(revision);
    if (this.library === null) this.library = await LibraryIndex.build(dataset, keys, pause);
    else this.library.sync(dataset);
    this.revisionShown = revision;
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

  private loadBundled() {
    this.bundled ??= loadPackagedJson<SerializedIndex>(BUNDLED_INDEX_PATH, 'search index')
      .then((data) => {
        const index = SearchIndex.from(data);
        return { index, keys: new Set(index.keys()) };
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
