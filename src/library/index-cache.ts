import { openDB } from 'idb';
import type { SerializedIndex } from '../search';

/** A cache, not data: deleting this database loses nothing the library cannot rebuild. */
export const INDEX_CACHE_DB = 'counterpoint-search-cache';

/** The library's index as of one library revision (null: an empty library). */
export interface CachedIndex {
  revision: number;
  index: SerializedIndex | null;
}

/**
 * The library's search index with the library revision it reflects, so that a restarted
 * background (MV3 stops it after 30 s idle) searches a large library without reading and
 * re-indexing every article: an entry for an older revision is still used, updated by the
 * articles added or deleted since. A broken entry is treated as missing.
 */
export class IndexCache {
  constructor(private readonly name = INDEX_CACHE_DB) {}

  private open() {
    return openDB(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('indexes');
      },
    });
  }

  /** The newest stored index, whatever its revision; undefined when there is none. */
  async latest(): Promise<CachedIndex | undefined> {
    try {
      const db = await this.open();
      try {
        const hit = (await db.get('indexes', 'library')) as CachedIndex | undefined;
        return typeof hit?.revision === 'number' && hit.index !== undefined ? hit : undefined;
      } finally {
        db.close();
      }
    } catch {
      return undefined;
    }
  }

  /** The index stored for `revision`; undefined when there is none (null: an empty library). */
  async get(revision: number): Promise<SerializedIndex | null | undefined> {
    const hit = await this.latest();
    return hit?.revision === revision ? hit.index : undefined;
  }

  async put(revision: number, index: SerializedIndex | null): Promise<void> {
    try {
      const db = await this.open();
      try {
        await db.put('indexes', { revision, index } satisfies CachedIndex, 'library');
      } finally {
        db.close();
      }
    } catch {
      // A cache that cannot be written only costs time on the next restart.
    }
  }
}
