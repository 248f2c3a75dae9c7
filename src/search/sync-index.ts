import type { SearchDoc } from './documents';
import type { SearchIndex } from './search-index';

/** What `syncIndex` changed. */
export interface SyncResult {
  added: number;
  removed: number;
}

/**
 * Brings `index` in line with `docs` by adding what is new or changed and removing what is
 * gone, instead of rebuilding: saving or deleting one article of a 10,000-article library
 * touches its own dozen documents. A document counts as changed when its title or detail
 * (what the popup shows, its speaker and outlet included) differ.
 */
export function syncIndex(
  index: SearchIndex,
  docs: readonly SearchDoc[],
  /** Which of the index's documents `docs` speaks for (default: all). */
  covers: (key: string) => boolean = () => true,
): SyncResult {
  const wanted = new Set<string>();
  const fresh: SearchDoc[] = [];
  for (const d of docs) {
    const key = `${d.kind}:${d.id}`;
    wanted.add(key);
    if (!index.shows(key, d.title, d.detail)) fresh.push(d);
  }
  const gone = index.keys().filter((key) => covers(key) && !wanted.has(key));
  if (gone.length) index.remove(gone);
  if (fresh.length) index.add(fresh);
  return { added: fresh.length, removed: gone.length };
}
