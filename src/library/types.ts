import type { Article, Coverage, Outlet, Person, Statement } from '../dataset/types';

/**
 * One article the reader added, with everything the pipeline found in it (after the
 * reader's review). Entries are self-contained so that deleting one never touches another.
 */
export interface LibraryEntry {
  /** The article's id; library ids start with "lib-" so they never clash with bundled ones. */
  id: string;
  /** When it was added, ms since the epoch. */
  addedAt: number;
  article: Article;
  statements: Statement[];
  /** People this article introduced (not in the bundled dataset). */
  people: Person[];
  /** Outlets this article introduced. */
  outlets: Outlet[];
  /** Links from this article's statements to statements elsewhere. */
  coverage: Coverage[];
}
