import browser from 'webextension-polyfill';
import type { MatcherSpec } from '../matching';
import { currentLibraryRevision } from '../shared/library-signal';

const KEY = 'bootSpec';

interface Stored {
  revision: number;
  spec: MatcherSpec;
}

/**
 * The names content scripts look for, kept in `storage.session` per library revision: an MV3
 * background restarts often, and without this every restart would read the whole library
 * from IndexedDB before the first page could start. Firefox's MV2 background is persistent
 * (no `storage.session` needed); session storage is cleared when the extension updates.
 */
export async function cachedBootSpec(compute: () => Promise<MatcherSpec>): Promise<MatcherSpec> {
  const area = browser.storage.session;
  const revision = await currentLibraryRevision();
  if (area) {
    const stored = (await area.get(KEY))[KEY] as Stored | undefined;
    if (stored?.revision === revision) return stored.spec;
  }
  const spec = await compute();
  await area?.set({ [KEY]: { revision, spec } satisfies Stored });
  return spec;
}
