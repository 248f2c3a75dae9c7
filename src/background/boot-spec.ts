import browser from 'webextension-polyfill';
import type { Dataset } from '../dataset/types';
import {
  buildMatcher,
  matcherSpecFromDataset,
  namesOf,
  prepareMatcher,
  type Matcher,
  type Mention,
  type PreparedMatcher,
} from '../matching';
import { currentLibraryRevision } from '../shared/library-signal';
import type { ContentBoot } from '../shared/protocol';

/**
 * The names a page is scanned for, split by who may see them. What is painted in the page
 * (`CSS.highlights`, readable by its scripts) comes from the bundled dataset alone, so it is
 * the same whatever the library holds; people only the library knows go in `library`.
 */
export interface BootSpec {
  matcher: PreparedMatcher;
  library: PreparedMatcher | null;
}

/** What a content script gets of a `BootSpec`: the anchor words and names, not the forms. */
export const contentBoot = (spec: BootSpec): ContentBoot => ({
  matcher: namesOf(spec.matcher),
  library: spec.library && namesOf(spec.library),
});

export function bootFor(bundled: Dataset, merged: Dataset): BootSpec {
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
export async function cachedBootSpec<T>(
  /** Builds the spec from the library at this revision or later (`DatasetService.get`). */
  compute: (revision: number) => Promise<T>,
): Promise<T> {
  const area = browser.storage.session;
  const revision = await currentLibraryRevision();
  if (area) {
    const stored = (await area.get(KEY))[KEY] as Stored<T> | undefined;
    if (stored?.revision === revision) return stored.spec;
  }
  const spec = await compute(revision);
  await area?.set({ [KEY]: { revision, spec } satisfies Stored<T> });
  return spec;
}

/**
 * The matchers of `scan:match`, built from the same names content scripts get and kept while
 * the library stays as it is: a page's blocks are matched by a matcher already compiled and
 * warmed by earlier pages, off the page's main thread. Hidden entities are filtered by the
 * content script, so one pair serves every tab.
 */
export class BlockMatchers {
  #built: Promise<{ bundled: Matcher; library: Matcher | null }> | null = null;

  constructor(private readonly boot: () => Promise<BootSpec>) {}

  /** The mentions in each text, of the bundled names or of the library's own people. */
  async match(library: boolean, texts: readonly string[]): Promise<Mention[][]> {
    if (!this.#built) {
      const built = this.boot().then((spec) => ({
        bundled: buildMatcher(spec.matcher),
        library: spec.library && buildMatcher(spec.library),
      }));
      // A failure is tried again by the next call, unless a reset came first.
      built.catch(() => {
        if (this.#built === built) this.#built = null;
      });
      this.#built = built;
    }
    const built = await this.#built;
    const matcher = library ? built.library : built.bundled;
    return texts.map((text) => matcher?.match(text) ?? []);
  }

  /** Forgets the matchers (the library changed). */
  reset(): void {
    this.#built = null;
  }
}
