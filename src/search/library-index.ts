import type { Article, Dataset } from '../dataset/types';
import { DocumentMaker, documentsOf, type SearchDoc } from './documents';
import { SearchIndex } from './search-index';
import { syncIndex } from './sync-index';

const perArticle = (key: string) => key.startsWith('statement:') || key.startsWith('article:');
/** Statements made and read per slice of a first build. */
const SLICE = 4000;

/** The bundled records' ids, per kind: records are told apart without a `kind:id` string each. */
type BundledIds = ReadonlyMap<string, ReadonlySet<string>>;

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
    private readonly bundled: BundledIds,
    /** Keys of the records not tied to one article (people, outlets, events). */
    private others: Set<string> = new Set(index.keys().filter((key) => !perArticle(key))),
  ) {}

  /**
   * The first build, in slices (see `SearchIndex.buildInSlices`): each slice makes the
   * records it reads, so no slice makes all 100,000 first.
   */
  static async build(
    dataset: Dataset,
    bundled: ReadonlySet<string>,
    pause: () => Promise<void>,
  ): Promise<LibraryIndex> {
    const ids = idsByKind(bundled);
    const maker = new DocumentMaker(dataset);
    const keep = keeper(ids);
    const bundledStatements = ids.get('statement');
    const statements = bundledStatements
      ? dataset.statements.filter((s) => !bundledStatements.has(s.id))
      : dataset.statements;
    const others = new Set<string>();
    function* slices(): Iterable<readonly SearchDoc[]> {
      const first = [...maker.people(), ...maker.events()].filter(keep);
      for (const d of first) others.add(`${d.kind}:${d.id}`);
      yield first;
      for (let i = 0; i < statements.length; i += SLICE) {
        yield maker.statements(statements.slice(i, i + SLICE));
      }
      const articles = dataset.articles.filter((a) => !ids.get('article')?.has(a.id));
      const outlets = maker.outlets().filter(keep);
      for (const d of outlets) others.add(`${d.kind}:${d.id}`);
      yield [...maker.articles(articles), ...outlets];
    }
    const expected = statements.length + dataset.articles.length + dataset.people.length;
    const index = await SearchIndex.buildInSlices(slices(), pause, undefined, expected);
    // Laying out the postings is a slice of its own; so is this.
    await pause();
    return new LibraryIndex(index, groupByArticle(dataset, ids), ids, others);
  }

  /** Wraps an index loaded from the cache; its first `sync` is a full pass. */
  static from(index: SearchIndex, bundled: ReadonlySet<string>): LibraryIndex {
    return new LibraryIndex(index, null, idsByKind(bundled));
  }

  /** Brings the index in line with `dataset` (the bundled dataset merged with the library). */
  sync(dataset: Dataset): void {
    const { index, bundled } = this;
    if (!this.articles) {
      syncIndex(index, documentsOf(dataset).filter(keeper(bundled)));
      this.articles = groupByArticle(dataset, bundled);
      this.others = new Set(index.keys().filter((key) => !perArticle(key)));
      return;
    }
    const articles = this.articles;
    const current = new Set<string>();
    const added: Article[] = [];
    const bundledArticles = bundled.get('article');
    for (const a of dataset.articles) {
      if (bundledArticles?.has(a.id)) continue;
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
      const docs = documentsOf({ ...dataset, articles: added, statements, events: [] })
        .filter(keeper(bundled))
        .filter((d) => d.kind === 'statement' || d.kind === 'article');
      index.add(docs);
      const grouped = groupByArticle({ ...dataset, articles: added, statements }, bundled);
      for (const [id, statements] of grouped) articles.set(id, statements);
    }
    // People, outlets and events the library brought: few, and not tied to one article.
    const others = documentsOf({ ...dataset, articles: [], statements: [] }).filter(
      keeper(bundled),
    );
    const wanted = new Set(others.map((d) => `${d.kind}:${d.id}`));
    const stale = [...this.others].filter((key) => !wanted.has(key));
    if (stale.length) index.remove(stale);
    const fresh = others.filter((d) => !index.shows(`${d.kind}:${d.id}`, d.title, d.detail));
    if (fresh.length) index.add(fresh);
    this.others = wanted;
  }
}

/** `kind:id` keys as id sets per kind (ids may hold ':', kinds do not). */
function idsByKind(keys: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    let ids = out.get(kind);
    if (!ids) out.set(kind, (ids = new Set()));
    ids.add(key.slice(colon + 1));
  }
  return out;
}

/** Whether a record is the library's own (not one of the bundled index's). */
function keeper(bundled: BundledIds): (d: SearchDoc) => boolean {
  return (d) => !bundled.get(d.kind)?.has(d.id);
}

/** Library article id → the ids of its statements. */
function groupByArticle(dataset: Dataset, bundled: BundledIds): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const bundledArticles = bundled.get('article');
  for (const a of dataset.articles) {
    if (!bundledArticles?.has(a.id)) groups.set(a.id, []);
  }
  // Statements come article by article: one lookup per article, not per statement.
  let article: string | null = null;
  let ids: string[] | undefined;
  for (const s of dataset.statements) {
    if (s.article !== article) ids = groups.get((article = s.article));
    ids?.push(s.id);
  }
  return groups;
}
