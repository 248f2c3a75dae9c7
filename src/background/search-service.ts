import type { Dataset } from '../dataset/types';
import { IndexCache } from '../library/index-cache';
import { loadPackagedJson } from '../shared/dataset-source';
import { PACKAGED } from '../shared/packaged-files';
import {
  buildSearchIndex,
  documentsOf,
  SearchIndex,
  searchAll,
  type SearchResult,
  type SerializedIndex,
} from '../search';

/** Where `npm run build` puts the prepared index of the bundled dataset. */
export const BUNDLED_INDEX_PATH = `/${PACKAGED.searchIndex}` as const;

/**
 * The popup's search: the index prepared at build time, plus a small one built here for the
 * reader's library. Kept in the background so a popup that opens and closes pays nothing.
 */
export class SearchService {
  private bundled: Promise<{ index: SearchIndex; keys: Set<string> }> | null = null;
  private library: { revision: number; index: SearchIndex | null } | null = null;

  constructor(
    private readonly dataset: (revision: number) => Promise<Dataset>,
    private readonly revision: () => Promise<number>,
    private readonly cache = new IndexCache(),
  ) {}

  async search(query: string, limit: number): Promise<SearchResult[]> {
    const { index, keys } = await this.loadBundled();
    const revision = await this.revision();
    if (this.library?.revision !== revision) {
      this.library = { revision, index: await this.libraryIndex(revision, keys) };
    }
    const indexes = this.library.index ? [index, this.library.index] : [index];
    return searchAll(indexes, query, limit);
  }

  /** The library's own index: from the cache, or built from the merged dataset and cached. */
  private async libraryIndex(revision: number, keys: Set<string>): Promise<SearchIndex | null> {
    const cached = await this.cache.get(revision);
    if (cached !== undefined) return cached ? SearchIndex.from(cached) : null;
    // Index only what the build did not: the reader's articles and the people they added.
    const docs = documentsOf(await this.dataset(revision)).filter(
      (d) => !keys.has(`${d.kind}:${d.id}`),
    );
    const data = docs.length ? buildSearchIndex(docs) : null;
    await this.cache.put(revision, data);
    return data ? SearchIndex.from(data) : null;
  }

  private loadBundled() {
    this.bundled ??= loadPackagedJson<SerializedIndex>(BUNDLED_INDEX_PATH, 'search index')
      .then((data) => ({
        index: SearchIndex.from(data),
        keys: new Set(data.docs.map(([kind, id]) => `${kind}:${id}`)),
      }))
      .catch((error: unknown) => {
        this.bundled = null;
        throw error;
      });
    return this.bundled;
  }
}
