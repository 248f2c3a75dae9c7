import { indexDataset, type DatasetIndex } from '../cards/build-card';
import type { Dataset } from '../dataset/types';
import { Library } from '../library/library';
import { mergeDataset } from '../library/merge';
import { loadBundledDataset } from '../shared/dataset-source';
import { currentLibraryRevision, watchLibraryRevision } from '../shared/library-signal';

/**
 * The bundled dataset merged with the reader's library, indexed, built once and rebuilt
 * after a library change. An MV3 service worker may restart at any time: everything here is
 * a cache that rebuilds itself on demand.
 */
export class DatasetService {
  private current: Promise<{ dataset: Dataset; index: DatasetIndex }> | null = null;
  private loadedFor: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unwatch: () => void;

  constructor() {
    this.unwatch = watchLibraryRevision(() => {
      this.current = null;
      for (const l of this.listeners) l();
    });
  }

  /**
   * The merged dataset; with `revision`, one loaded at or after that library revision (the
   * change event that clears this cache may not have arrived yet).
   */
  get(revision?: number): Promise<{ dataset: Dataset; index: DatasetIndex }> {
    if (revision !== undefined && this.loadedFor !== null && this.loadedFor < revision) {
      this.current = null;
    }
    this.current ??= this.load().catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  /** Called after the library changed (the merged dataset is stale). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.unwatch();
    this.listeners.clear();
  }

  private async load() {
    this.loadedFor = await currentLibraryRevision();
    const bundled = await loadBundledDataset();
    let entries: Awaited<ReturnType<Library['list']>> = [];
    try {
      entries = await Library.use((library) => library.list());
    } catch (error) {
      // A broken library must not take the bundled dataset down with it.
      console.error('Counterpoint: could not read the library', error);
    }
    const dataset = mergeDataset(bundled, entries);
    return { dataset, index: indexDataset(dataset) };
  }
}
