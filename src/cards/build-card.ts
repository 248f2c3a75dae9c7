import type {
  Article,
  Coverage,
  Dataset,
  DatasetEvent,
  DiffPart,
  Outlet,
  Person,
  Statement,
} from '../dataset/types';

/** One outlet's version of a statement, with what the card shows about its source. */
export interface CardVersion {
  statement: Pick<Statement, 'id' | 'kind' | 'text' | 'channel'>;
  speaker: Pick<Person, 'id' | 'name'> | null;
  article: Pick<Article, 'id' | 'title' | 'published' | 'url'>;
  outlet: Pick<Outlet, 'id' | 'name' | 'country' | 'ownership'>;
}

/** Side-by-side text of two versions: each side keeps the shared words and its own. */
export interface SideBySide {
  left: DiffPart[];
  right: DiffPart[];
}

/** Statements from different outlets that report the same words. */
export interface CardGroup {
  coverage: string;
  similarity: number;
  versions: CardVersion[];
  /** Word differences of each later version against the first (index i is versions[i + 1]). */
  sides: SideBySide[];
}

/** What one outlet carried and the others did not. */
export interface OnlyIn {
  outlet: Pick<Outlet, 'id' | 'name' | 'country' | 'ownership'>;
  versions: CardVersion[];
}

/** The statement the current page itself quotes, when it is in the dataset. */
export interface PageVersion {
  /** The dataset statement the page carries. */
  statement: string;
  /** The group it belongs to, if other outlets carried it too. */
  coverage: string | null;
}

export interface PersonCard {
  kind: 'person';
  id: string;
  name: string;
  role: string | null;
  country: string | null;
  groups: CardGroup[];
  onlyIn: OnlyIn[];
  page: PageVersion | null;
  /** Articles in the dataset that quote this person, for the compare view. */
  articles: string[];
  /** Languages of those articles (`withLanguages`), for a note on pages in another. */
  languages?: string[];
}

export interface EventCard {
  kind: 'event';
  id: string;
  name: string;
  date: string | null;
  place: string | null;
  description: string;
  /** Who spoke about the event, and in which outlets. */
  speakers: { id: string; name: string; outlets: string[] }[];
  groups: CardGroup[];
  onlyIn: OnlyIn[];
  page: PageVersion | null;
  articles: string[];
  /** Languages of those articles (`withLanguages`), for a note on pages in another. */
  languages?: string[];
}

export type CardData = PersonCard | EventCard;

/** Splits a two-way diff into the text each side shows. */
export function toSideBySide(diff: DiffPart[]): SideBySide {
  return {
    left: diff.filter((p) => p.op !== 'added'),
    right: diff.filter((p) => p.op !== 'removed'),
  };
}

/** Lookup tables over a dataset, built once and reused for every card. */
export interface DatasetIndex {
  dataset: Dataset;
  people: Map<string, Person>;
  events: Map<string, DatasetEvent>;
  articles: Map<string, Article>;
  outlets: Map<string, Outlet>;
  statements: Map<string, Statement>;
  coverageOf: Map<string, Coverage>;
}

/** Indexes a dataset by id so cards are built without scanning it. */
export function indexDataset(dataset: Dataset): DatasetIndex {
  const coverageOf = new Map<string, Coverage>();
  for (const c of dataset.coverage) for (const s of c.statements) coverageOf.set(s, c);
  return {
    dataset,
    people: new Map(dataset.people.map((p) => [p.id, p])),
    events: new Map(dataset.events.map((e) => [e.id, e])),
    articles: new Map(dataset.articles.map((a) => [a.id, a])),
    outlets: new Map(dataset.outlets.map((o) => [o.id, o])),
    statements: new Map(dataset.statements.map((s) => [s.id, s])),
    coverageOf,
  };
}

const UNKNOWN_OUTLET: CardVersion['outlet'] = {
  id: 'unknown',
  name: 'Unknown outlet',
  country: null,
  ownership: null,
};

function versionOf(index: DatasetIndex, s: Statement): CardVersion | null {
  const article = index.articles.get(s.article);
  if (!article) return null;
  const outlet = index.outlets.get(article.outlet) ?? UNKNOWN_OUTLET;
  const speaker = s.speaker ? index.people.get(s.speaker) : undefined;
  return {
    statement: { id: s.id, kind: s.kind, text: s.text, channel: s.channel },
    speaker: speaker ? { id: speaker.id, name: speaker.name } : null,
    article: {
      id: article.id,
      title: article.title,
      published: article.published,
      url: article.url,
    },
    outlet: {
      id: outlet.id,
      name: outlet.name,
      country: outlet.country,
      ownership: outlet.ownership,
    },
  };
}

/** Computes word differences between two texts; injected so the card stays diff-library agnostic. */
export type WordDiff = (a: string, b: string) => DiffPart[];

function groupsAndSingles(
  index: DatasetIndex,
  statements: Statement[],
  wordDiff: WordDiff,
): { groups: CardGroup[]; onlyIn: OnlyIn[] } {
  const groups: CardGroup[] = [];
  const seen = new Set<string>();
  const singles = new Map<string, OnlyIn>();
  for (const s of statements) {
    if (seen.has(s.id)) continue;
    const coverage = index.coverageOf.get(s.id);
    if (coverage) {
      for (const id of coverage.statements) seen.add(id);
      const versions = coverage.statements
        .map((id) => index.statements.get(id))
        .filter((x): x is Statement => x !== undefined)
        .map((x) => versionOf(index, x))
        .filter((v): v is CardVersion => v !== null);
      if (versions.length < 2) continue;
      const first = versions[0]!;
      const sides = versions
        .slice(1)
        .map((v, i) =>
          toSideBySide(
            i === 0 && coverage.diff.length > 0
              ? coverage.diff
              : wordDiff(first.statement.text, v.statement.text),
          ),
        );
      groups.push({ coverage: coverage.id, similarity: coverage.similarity, versions, sides });
      continue;
    }
    seen.add(s.id);
    const version = versionOf(index, s);
    if (!version) continue;
    const bucket = singles.get(version.outlet.id) ?? { outlet: version.outlet, versions: [] };
    bucket.versions.push(version);
    singles.set(version.outlet.id, bucket);
  }
  return { groups, onlyIn: [...singles.values()] };
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Finds which dataset statement, if any, the page's own text quotes: the statement whose
 * words run longest unbroken in `pageText` (at least `minRun` words, or all of a short one).
 */
export function findPageVersion(
  pageText: string,
  statements: Statement[],
  minRun = 6,
): Statement | null {
  const page = words(pageText);
  if (page.length === 0) return null;
  const positions = new Map<string, number[]>();
  page.forEach((w, i) => {
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  });
  let best: Statement | null = null;
  let bestRun = 0;
  for (const s of statements) {
    const sw = words(s.text);
    const needed = Math.min(minRun, sw.length);
    if (needed < 3) continue;
    let longest = 0;
    for (let i = 0; i < sw.length && sw.length - i > longest; i++) {
      for (const start of positions.get(sw[i]!) ?? []) {
        let run = 0;
        while (i + run < sw.length && page[start + run] === sw[i + run]) run++;
        if (run > longest) longest = run;
      }
    }
    if (longest >= needed && longest > bestRun) {
      best = s;
      bestRun = longest;
    }
  }
  return best;
}

function pageVersion(index: DatasetIndex, pageText: string | undefined, statements: Statement[]) {
  if (!pageText) return null;
  const hit = findPageVersion(pageText, statements);
  return hit ? { statement: hit.id, coverage: index.coverageOf.get(hit.id)?.id ?? null } : null;
}

const byArticleOrder = (index: DatasetIndex) => {
  const order = new Map(index.dataset.statements.map((s, i) => [s.id, i]));
  return (a: Statement, b: Statement) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
};

/**
 * Builds what the hover card shows for a person or the event: grouped statements with
 * side-by-side versions, what only one outlet carried, and the version this page quotes.
 * Returns null for an unknown id.
 */
export function buildCard(
  index: DatasetIndex,
  entity: string,
  wordDiff: WordDiff,
  pageText?: string,
): CardData | null {
  const person = index.people.get(entity);
  if (person) {
    const statements = index.dataset.statements
      .filter((s) => s.speaker === person.id)
      .sort(byArticleOrder(index));
    const { groups, onlyIn } = groupsAndSingles(index, statements, wordDiff);
    return {
      kind: 'person',
      id: person.id,
      name: person.name,
      role: person.role,
      country: person.country,
      groups,
      onlyIn,
      page: pageVersion(index, pageText, statements),
      articles: [...new Set(statements.map((s) => s.article))],
    };
  }
  const event = index.events.get(entity);
  if (!event) return null;
  // Every statement in an article about the event, from a known speaker.
  const statements = index.dataset.statements
    .filter((s) => s.speaker !== null)
    .sort(byArticleOrder(index));
  const speakers = new Map<string, { id: string; name: string; outlets: Set<string> }>();
  for (const s of statements) {
    const p = index.people.get(s.speaker!);
    const a = index.articles.get(s.article);
    if (!p || !a) continue;
    const entry = speakers.get(p.id) ?? { id: p.id, name: p.name, outlets: new Set<string>() };
    entry.outlets.add(index.outlets.get(a.outlet)?.name ?? a.outlet);
    speakers.set(p.id, entry);
  }
  const { groups, onlyIn } = groupsAndSingles(index, statements, wordDiff);
  return {
    kind: 'event',
    id: event.id,
    name: event.name,
    date: event.date,
    place: event.place,
    description: event.description,
    speakers: [...speakers.values()].map((s) => ({ ...s, outlets: [...s.outlets].sort() })),
    groups,
    onlyIn,
    page: pageVersion(index, pageText, statements),
    articles: [...new Set(statements.map((s) => s.article))],
  };
}

/**
 * One statement as the popup's detail shows it: with the other outlets' versions when it
 * was linked, or as what its outlet alone carried.
 */
export function buildStatementDetail(
  index: DatasetIndex,
  id: string,
  wordDiff: WordDiff,
): {
  group: CardGroup | null;
  only: OnlyIn | null;
  speaker: string | null;
  articles: string[];
} | null {
  const statement = index.statements.get(id);
  if (!statement) return null;
  const { groups, onlyIn } = groupsAndSingles(index, [statement], wordDiff);
  const group = groups[0] ?? null;
  return {
    group,
    only: onlyIn[0] ?? null,
    speaker: statement.speaker ? (index.people.get(statement.speaker)?.name ?? null) : null,
    articles: group ? group.versions.map((v) => v.article.id) : [statement.article],
  };
}
