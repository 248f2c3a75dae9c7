import type { Article, Dataset } from '../dataset/types';
import { documentsOf, type SearchDoc } from './documents';
import { SearchIndex } from './search-index';
import { syncIndex } from './sync-index';

const perArticle = (key: string) => key.startsWith('statement:') || key.startsWith('article:');
const PER_ARTICLE: ReadonlySet<string> = new Set(['statement', 'article']);

/**
 * The search index of the reader's library (what the bundled index lacks), kept in step with
 * the merged dataset article by article: after a save or a delete only that article's
 * records are made and indexed, not the library's 100,000 statements.
 */
export class LibraryIndex {
  private constructor(
    readonly index: SearchIndex,
    /** Library article id → ids of its statements; null until a full pass made it. */
    private articles: Map<string, string[]> | null,
    private readonly bundled: ReadonlySet<string>,
    /** Keys of the records not tied to one article (people, outlets, events). */
    private others: Set<string> = new Set(index.keys().filter((key) => !perArticle(key))),
  ) {}

  /** The first build, in slices (see `SearchIndex.buildInSlices`). */
  static async build(
    dataset: Dataset,
    bundled: ReadonlySet<string>,
    pause: () => Promise<void>,
  ): Promise<LibraryIndex> {
    const docs = libraryDocs(documentsOf(dataset), bundled);
    const index = await SearchIndex.buildInSlices(docs, pause);
    const others = new Set<string>();
    for (const d of docs) if (!PER_ARTICLE.has(d.kind)) others.add(`${d.kind}:${d.id}`);
    return new LibraryIndex(index, groupByArticle(dataset, bundled), bundled, others);
  }

  /** Wraps an index loaded from the cache; its first `sync` is a full pass. */
  static from(index: SearchIndex, bundled: ReadonlySet<string>): LibraryIndex {
    return new LibraryIndex(index, null, bundled);
  }

  /** Brings the index in line with `dataset` (the bundled dataset merged with the library). */
  sync(dataset: Dataset): void {
    const { index, bundled } = this;
    if (!this.articles) {
      syncIndex(index, libraryDocs(documentsOf(dataset), bundled));
      this.articles = groupByArticle(dataset, bundled);
      this.others = new Set(index.keys().filter((key) => !perArticle(key)));
      return;
    }
    const articles = this.articles;
    const current = new Set<string>();
    const added: Article[] = [];
    for (const a of dataset.articles) {
      if (bundled.has(`article:${a.id}`)) continue;
      current.add(a.id);
      if (!articles.has(a.id)) added.push(a);
    }
    const gone: string[] = [];
    for (const [id, statements] of articles) {
      if (current.has(id)) continue;
      gone.push(`article:${id}`);
      for (const s of statements) gone.push(`statement:${s}`);
      articles.delete(id);
    }
    if (gone.length) index.remove(gone);
    if (added.length) {
      const ids = new Set(added.map((a) => a.id));
      const statements = dataset.statements.filter((s) => ids.has(s.article));
      const docs = libraryDocs(
        documentsOf({ ...dataset, articles: added, statements, events: [] }),
        bundled,
      ).filter((d) => d.kind === 'statement' || d.kind === 'article');
      index.add(docs);
      const grouped = groupByArticle({ ...dataset, articles: added, statements }, bundled);
      for (const [id, statements] of grouped) articles.set(id, statements);
    }
    // People, outlets and events the library brought: few, and not tied to one article.
    const others = libraryDocs(documentsOf({ ...dataset, articles: [], statements: [] }), bundled);
    const wanted = new Set(others.map((d) => `${d.kind}:${d.id}`));
    const stale = [...this.others].filter((key) => !wanted.has(key));
    if (stale.length) index.remove(stale);
    const fresh = others.filter((d) => !index.shows(`${d.kind}:${d.id}`, d.title, d.detail));
    if (fresh.length) index.add(fresh);
    this.others = wanted;
  }
}

function libraryDocs(docs: SearchDoc[], bundled: ReadonlySet<string>): SearchDoc[] {
  return docs.filter((d) => !bundled.has(`${d.kind}:${d.id}`));
}

/** Library article id → the ids of its statements. */
function groupByArticle(dataset: Dataset, bundled: ReadonlySet<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const a of dataset.articles) {
    if (!bundled.has(`article:${a.id}`)) groups.set(a.id, []);
  }
  for (const s of dataset.statements) groups.get(s.article)?.push(s.id);
  return groups;
}
