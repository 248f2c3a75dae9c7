import type { Dataset } from '../dataset/types';
import { datasetFromEntries, entriesFromDataset } from './convert';
import { LIBRARY_DB, openLibraryDb, type LibraryDb } from './db';
import { isReadableEntry } from './entry-check';
import type { LibraryEntry } from './types';

export interface ImportResult {
  added: number;
  /** Entries already in the library (same id or same URL), left as they were. */
  skipped: number;
}

/**
 * The reader's own articles, in IndexedDB in the extension's origin (popup, options and
 * background share it; content scripts never touch it). Writes are single transactions:
 * an import that fails half-way leaves the library exactly as it was.
 */
export class Library {
  private constructor(private readonly db: LibraryDb) {}

  static async open(name = LIBRARY_DB): Promise<Library> {
    return new Library(await openLibraryDb(name));
  }

  /** Opens the library for one piece of work and closes it after, whatever happens. */
  static async use<T>(fn: (library: Library) => Promise<T>, name = LIBRARY_DB): Promise<T> {
    const library = await Library.open(name);
    try {
      return await fn(library);
    } finally {
      library.close();
    }
  }

  /**
   * Newest first; an entry that is not readable (`isReadableEntry`) is left out and logged, so
   * one broken record cannot take the cards, search and export of every other one down.
   */
  async list(): Promise<LibraryEntry[]> {
    const all: unknown[] = await this.db.getAllFromIndex('articles', 'by-added');
    const readable = all.filter(isReadableEntry);
    if (readable.length < all.length) {
      const ids = all.filter((e) => !isReadableEntry(e)).map((e) => (e as { id?: unknown })?.id);
      console.warn('Counterpoint: library entries left out, not readable:', ids);
    }
    return readable.reverse();
  }

  count(): Promise<number> {
    return this.db.count('articles');
  }

  get(id: string): Promise<LibraryEntry | undefined> {
    return this.db.get('articles', id);
  }

  /** Whether an article with this URL is already in the library. */
  async hasUrl(url: string): Promise<boolean> {
    return (await this.db.countFromIndex('articles', 'by-url', url)) > 0;
  }

  /** Adds or replaces one entry. */
  async put(entry: LibraryEntry): Promise<void> {
    await this.db.put('articles', entry);
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('articles', id);
  }

  async clear(): Promise<void> {
    await this.db.clear('articles');
  }

  /** The whole library in the dataset file format; `reference` fills in bundled people. */
  async export(reference?: Dataset): Promise<Dataset> {
    return datasetFromEntries(await this.list(), reference);
  }

  /**
   * Merges a validated dataset file into the library without duplicates, all or nothing.
   * Validate first (`validateDataset`): this trusts its input's shape.
   */
  async import(dataset: Dataset, now = Date.now()): Promise<ImportResult> {
    const entries = entriesFromDataset(dataset, now);
    const tx = this.db.transaction('articles', 'readwrite');
    const store = tx.objectStore('articles');
    const byUrl = store.index('by-url');
    let added = 0;
    let skipped = 0;
    try {
      for (const entry of entries) {
        const clash =
          (await store.getKey(entry.id)) !== undefined ||
          (entry.article.url !== null && (await byUrl.getKey(entry.article.url)) !== undefined);
        if (clash) {
          skipped++;
          continue;
        }
        await store.add(entry);
        added++;
      }
      await tx.done;
    } catch (error) {
      tx.done.catch(() => {});
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      throw error;
    }
    return { added, skipped };
  }

  close(): void {
    this.db.close();
  }
}
