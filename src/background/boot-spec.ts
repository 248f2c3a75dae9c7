import browser from 'webextension-polyfill';
import { currentLibraryRevision } from '../shared/library-signal';

const KEY = 'bootMatcher';

interface Stored<T> {
  revision: number;
  spec: T;
}

/**
 * The names content scripts look for (the prepared matcher), kept in `storage.session` per library revision: an MV3
 * background restarts often, and without this every restart would read the whole library
 * from IndexedDB before the first page could start. Firefox's MV2 background is persistent
 * (no `storage.session` needed); session storage is cleared when the extension updates.
 */
export async function cachedBootSpec<T>(compute: () => Promise<T>): Promise<T> {
  const area = browser.storage.session;
  const revision = await currentLibraryRevision();
  if (area) {
    const stored = (await area.get(KEY))[KEY] as Stored<T> | undefined;
    if (stored?.revision === revision) return stored.spec;
  }
  const spec = await compute();
  await area?.set({ [KEY]: { revision, spec } satisfies Stored<T> });
  return spec;
}
