import browser from 'webextension-polyfill';
import type { Dataset } from '../dataset/types';
import { matcherSpecFromDataset, prepareMatcher } from '../matching';
import { currentLibraryRevision } from '../shared/library-signal';
import type { ContentBoot } from '../shared/protocol';

/**
 * The names a page is scanned for, split by who may see them. What is painted in the page
 * (`CSS.highlights`, readable by its scripts) comes from the bundled dataset alone, so it is
 * the same whatever the library holds; people only the library knows go in `library`.
 */
export function bootFor(bundled: Dataset, merged: Dataset): ContentBoot {
  const known = new Set(bundled.people.map((p) => p.id));
  const own = merged.people.filter((p) => !known.has(p.id));
  return {
    matcher: prepareMatcher(matcherSpecFromDataset(bundled)),
    library:
      own.length > 0 ? prepareMatcher(matcherSpecFromDataset({ people: own, events: [] })) : null,
  };
}

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
