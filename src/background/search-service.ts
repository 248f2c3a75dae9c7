import browser from 'webextension-polyfill';
import type { Dataset } from '../dataset/types';
import {
  documentsOf,
  SearchIndex,
  searchAll,
  type SearchResult,
  type SerializedIndex,
} from '../search';

/** Where `npm run build` puts the prepared index of the bundled dataset. */
export const BUNDLED_INDEX_PATH = '/data/search-index.json';

/**
 * The popup's search: the index prepared at build time, plus a small one built here for the
 * reader's library. Kept in the background so a popup that opens and closes pays nothing.
 */
export class SearchService {
  private bundled: Promise<{ index: SearchIndex; keys: Set<string> }> | null = null;
  private library: { dataset: Dataset; index: SearchIndex | null } | null = null;

  constructor(private readonly dataset: () => Promise<Dataset>) {}

  async search(query: string, limit: number): Promise<SearchResult[]> {
    const { index, keys } = await this.loadBundled();
    const dataset = await this.dataset();
    if (this.library?.dataset !== dataset) {
      // The merged dataset changed (library edit): index only what the build did not.
      const docs = documentsOf(dataset).filter((d) => !keys.has(`${d.kind}:${d.id}`));
      this.library = { dataset, index: docs.length ? SearchIndex.build(docs) : null };
    }
    const indexes = this.library.index ? [index, this.library.index] : [index];
    return searchAll(indexes, query, limit);
  }

  private loadBundled() {
    this.bundled ??= fetch(browser.runtime.getURL(BUNDLED_INDEX_PATH))
      .then(async (r) => {
        if (!r.ok) throw new Error(`search index missing (${r.status})`);
        const data = (await r.json()) as SerializedIndex;
        return {
          index: SearchIndex.from(data),
          keys: new Set(data.docs.map(([kind, id]) => `${kind}:${id}`)),
        };
      })
      .catch((error: unknown) => {
        this.bundled = null;
        throw error;
      });
    return this.bundled;
  }
}
