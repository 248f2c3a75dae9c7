import browser from 'webextension-polyfill';
import type { Dataset } from '../dataset/types';

/** Path of the dataset `npm run build` ships inside the extension. */
export const BUNDLED_DATASET_PATH = '/data/dataset.json';

let bundled: Promise<Dataset> | null = null;

/**
 * The bundled dataset, read from the extension's own files (not the network) and cached
 * for the life of this context.
 */
export function loadBundledDataset(): Promise<Dataset> {
  bundled ??= fetch(browser.runtime.getURL(BUNDLED_DATASET_PATH)).then(async (r) => {
    if (!r.ok) throw new Error(`bundled dataset missing (${r.status})`);
    return (await r.json()) as Dataset;
  });
  return bundled;
}
