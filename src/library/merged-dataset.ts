import type { Dataset } from '../dataset/types';
import { loadBundledDataset } from '../shared/dataset-source';
import { Library } from './library';
import { mergeDataset } from './merge';
import type { LibraryEntry } from './types';

/**
 * The dataset every context works with: the bundled one plus the reader's library, merged one
 * way (`mergeDataset`) by the background, the compare page and the add-article page alike.
 * A library that cannot be read leaves the bundled dataset (logged): a broken library must
 * not take the bundled articles down with it. Pass `library` to read through a handle the
 * caller already holds open.
 */
export async function loadMergedDataset(library?: Library): Promise<Dataset> {
  const bundled = await loadBundledDataset();
  let entries: LibraryEntry[] = [];
  try {
    entries = await (library ? library.list() : Library.use((l) => l.list()));
  } catch (error) {
    console.error('Counterpoint: could not read the library', error);
  }
  return mergeDataset(bundled, entries);
}
