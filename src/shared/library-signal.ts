import { localValue } from './local-value';

/**
 * A counter bumped after every library write. IndexedDB has no cross-context change event,
 * so the background (dataset cache) and content scripts (matcher) watch this instead.
 */
const revision = localValue<number>('libraryRevision', 0);

export async function bumpLibraryRevision(): Promise<void> {
  await revision.set((await revision.get()) + 1);
}

export function watchLibraryRevision(cb: () => void): () => void {
  return revision.watch(() => cb());
}

/** The current revision, for caches keyed by the library's state. */
export function currentLibraryRevision(): Promise<number> {
  return revision.get();
}
