import { blindspots, prepareStatements, type Prepared } from '../dataset/utterances';
import type {
  Article,
  Coverage,
  Dataset,
  DatasetEvent,
  Outlet,
  Person,
  Statement,
} from '../dataset/types';
import type { CardVersion } from './card-types';

/** Lookup tables over a dataset, built once and reused for every card. */
export interface DatasetIndex {
  dataset: Dataset;
  people: Map<string, Person>;
  events: Map<string, DatasetEvent>;
  articles: Map<string, Article>;
  outlets: Map<string, Outlet>;
  statements: Map<string, Statement>;
  coverageOf: Map<string, Coverage>;
  /** Term weights and blindspot claims, computed on the first card that needs them. */
  lazy: { prepared?: Prepared; claims?: Map<string, number> };
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
    lazy: {},
  };
}

/** Term weights and profiles of every statement, computed on first use. */
export function preparedOf(index: DatasetIndex): Prepared {
  return (index.lazy.prepared ??= prepareStatements(index.dataset.statements));
}

/** Statements safe to call "only in" their outlet, with how many outlets were compared. */
export function claimsOf(index: DatasetIndex): Map<string, number> {
  if (index.lazy.claims) return index.lazy.claims;
  const { dataset } = index;
  const text = new Map(dataset.articles.map((a) => [a.id, [a.title, ...a.paragraphs].join('\n')]));
  const names = (article: string, person: string) => {
    const p = index.people.get(person);
    const t = text.get(article) ?? '';
    return !!p && [p.name, ...p.aliases, ...p.shortForms].some((n) => t.includes(n));
  };
  const claims = blindspots(
    dataset.statements,
    {
      outlet: (a) => index.articles.get(a)?.outlet ?? 'unknown',
      language: (a) => index.articles.get(a)?.language ?? null,
      names,
    },
    dataset.coverage.map((c) => ({
      root: c.statements[0]!,
      members: c.statements.map((statement) => ({ statement, role: 'version' as const, score: 1 })),
    })),
    preparedOf(index),
  );
  index.lazy.claims = new Map(claims.map((c) => [c.statement, c.of]));
  return index.lazy.claims;
}

const UNKNOWN_OUTLET: CardVersion['outlet'] = {
  id: 'unknown',
  name: 'Unknown outlet',
  country: null,
  ownership: null,
};

/** A statement as the card shows it, with its article and outlet; null when its article is gone. */
export function versionOf(index: DatasetIndex, s: Statement): CardVersion | null {
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
