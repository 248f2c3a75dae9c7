import { openDB } from 'idb';
import type { SerializedIndex } from '../search';

/** A cache, not data: deleting this database loses nothing the library cannot rebuild. */
export const INDEX_CACHE_DB = 'counterpoint-search-cache';

interface Cached {
  revision: number;
  index: SerializedIndex | null;
}

/**
 * The library's search index, stored per library revision so that a restarted background
 * (MV3 stops it after 30 s idle) searches a large library without reading and re-indexing
 * every article. A stale or broken entry is treated as missing.
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

  /** The index stored for `revision`; undefined when there is none (null: an empty library). */
  async get(revision: number): Promise<SerializedIndex | null | undefined> {
    try {
      const db = await this.open();
      try {
        const hit = (await db.get('indexes', 'library')) as Cached | undefined;
        return hit?.revision === revision ? hit.index : undefined;
      } finally {
        db.close();
      }
    } catch {
      return undefined;
    }
  }

  async put(revision: number, index: SerializedIndex | null): Promise<void> {
    try {
      const db = await this.open();
      try {
        await db.put('indexes', { revision, index } satisfies Cached, 'library');
      } finally {
        db.close();
      }
    } catch {
      // A cache that cannot be written only costs time on the next restart.
    }
  }
}
