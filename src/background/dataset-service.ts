import { datasetView, type DatasetView } from '../cards/dataset-view';
import { loadMergedDataset } from '../library/merged-dataset';
import { currentLibraryRevision, watchLibraryRevision } from '../shared/library-signal';

/**
 * The bundled dataset merged with the reader's library, indexed, built once and rebuilt
 * after a library change. An MV3 service worker may restart at any time: everything here is
 * a cache that rebuilds itself on demand.
 */
export class DatasetService {
  private current: Promise<DatasetView> | null = null;
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
  get(revision?: number): Promise<DatasetView> {
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

  private async load(): Promise<DatasetView> {
    this.loadedFor = await currentLibraryRevision();
    return datasetView(await loadMergedDataset());
  }
}
