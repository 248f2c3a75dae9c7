import browser from 'webextension-polyfill';
import type { Dataset } from '../dataset/types';
import { PACKAGED } from './packaged-files';

/** Path of the dataset `npm run build` ships inside the extension. */
export const BUNDLED_DATASET_PATH = `/${PACKAGED.dataset}` as const;

let bundled: Promise<Dataset> | null = null;

/**
 * The bundled dataset, read from the extension's own files (not the network) and cached
 * for the life of this context.
 */
export function loadBundledDataset(): Promise<Dataset> {
  bundled ??= loadPackagedJson<Dataset>(BUNDLED_DATASET_PATH, 'bundled dataset');
  return bundled;
}

/** A JSON file `npm run build` put in the extension, read from the package (never the network). */
export async function loadPackagedJson<T>(path: string, what: string): Promise<T> {
  const r = await fetch(browser.runtime.getURL(path));
  if (!r.ok) throw new Error(`${what} missing (${r.status})`);
  return (await r.json()) as T;
}
