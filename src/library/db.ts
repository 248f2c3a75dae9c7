import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { LibraryEntry } from './types';

/** Name of the reader's library database, in the extension's own origin. */
export const LIBRARY_DB = 'counterpoint-library';

/** Current schema version. Bump it and add a step to MIGRATIONS for any change. */
export const LIBRARY_VERSION = 2;

interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: LibraryEntry;
    indexes: { 'by-added': number; 'by-url': string };
  };
}

type UpgradeDb = IDBPDatabase<LibrarySchema>;
type UpgradeTx = IDBPTransaction<LibrarySchema, 'articles'[], 'versionchange'>;

/**
 * Schema steps, in order; step N upgrades version N-1 to N.
 * v1: one store of entries, keyed by article id.
 * v2: indexes to list by date and find duplicates by URL without reading every entry
 *     (a library of 10,000 articles), and every entry gets a `coverage` list.
 */
const MIGRATIONS: Record<number, (db: UpgradeDb, tx: UpgradeTx) => Promise<void> | void> = {
  1: (db) => {
    db.createObjectStore('articles', { keyPath: 'id' });
  },
  2: async (_db, tx) => {
    const store = tx.objectStore('articles');
    store.createIndex('by-added', 'addedAt');
    store.createIndex('by-url', 'article.url');
    let cursor = await store.openCursor();
    while (cursor) {
      const entry = cursor.value as Partial<LibraryEntry> & { id: string };
      if (!Array.isArray(entry.coverage) || typeof entry.addedAt !== 'number') {
        await cursor.update({
          ...entry,
          coverage: Array.isArray(entry.coverage) ? entry.coverage : [],
          addedAt: typeof entry.addedAt === 'number' ? entry.addedAt : 0,
        } as LibraryEntry);
      }
      cursor = await cursor.continue();
    }
  },
};

/** Opens the library, running every pending migration in the one upgrade transaction. */
export function openLibraryDb(
  name = LIBRARY_DB,
  version = LIBRARY_VERSION,
): Promise<IDBPDatabase<LibrarySchema>> {
  return openDB<LibrarySchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
        await MIGRATIONS[v]?.(db, tx);
      }
    },
    blocking(_current, _blocked, event) {
      // A newer version wants to open (an update): let it.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

export type LibraryDb = Awaited<ReturnType<typeof openLibraryDb>>;
