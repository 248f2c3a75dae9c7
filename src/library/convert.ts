import type { Coverage, Dataset, Statement } from '../dataset/types';
import type { LibraryEntry } from './types';

/** Format version of exported libraries (the dataset format's `version`). */
export const EXPORT_VERSION = 1;

/**
 * The library as a dataset file (the documented format), for export: everything the entries
 * hold, and no bundled article. People and outlets the entries only reference (Putin, RT)
 * come from `reference`, the bundled dataset, so the file stands on its own.
 */
export function datasetFromEntries(entries: LibraryEntry[], reference?: Dataset): Dataset {
  const people = new Map<string, LibraryEntry['people'][number]>();
  const outlets = new Map<string, LibraryEntry['outlets'][number]>();
  const coverage = new Map<string, LibraryEntry['coverage'][number]>();
  const sorted = [...entries].sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  for (const e of sorted) {
    for (const p of e.people) people.set(p.id, p);
    for (const o of e.outlets) outlets.set(o.id, o);
    for (const c of e.coverage) coverage.set(c.id, c);
  }
  if (reference) {
    const known = {
      people: new Map(reference.people.map((p) => [p.id, p])),
      outlets: new Map(reference.outlets.map((o) => [o.id, o])),
    };
    for (const e of sorted) {
      const outlet = known.outlets.get(e.article.outlet);
      if (outlet && !outlets.has(outlet.id)) outlets.set(outlet.id, outlet);
      for (const s of e.statements) {
        const person = s.speaker ? known.people.get(s.speaker) : undefined;
        if (person && !people.has(person.id)) people.set(person.id, person);
      }
    }
  }
  return {
    version: EXPORT_VERSION,
    articles: sorted.map((e) => e.article),
    people: [...people.values()],
    outlets: [...outlets.values()],
    events: [],
    statements: sorted.flatMap((e) => e.statements),
    coverage: [...coverage.values()],
    exclusives: [],
  };
}

/**
 * Splits a validated dataset file into library entries, one per article, each with the
 * people, outlets and links its statements need. `now` stamps entries without a date.
 */
export function entriesFromDataset(dataset: Dataset, now: number): LibraryEntry[] {
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const outlets = new Map(dataset.outlets.map((o) => [o.id, o]));
  // Grouped once, in the file's order: filtering every statement per article made
  // importing 10,000 articles take a billion comparisons.
  const statementsOf = new Map<string, Statement[]>();
  /** Statement id → its articles (one, unless a file reuses an id). */
  const articlesOf = new Map<string, string[]>();
  for (const s of dataset.statements) {
    let list = statementsOf.get(s.article);
    if (!list) statementsOf.set(s.article, (list = []));
    list.push(s);
    const of = articlesOf.get(s.id);
    if (!of) articlesOf.set(s.id, [s.article]);
    else if (!of.includes(s.article)) of.push(s.article);
  }
  const coverageOf = new Map<string, Coverage[]>();
  for (const c of dataset.coverage) {
    const articles = new Set<string>();
    for (const id of c.statements) {
      for (const article of articlesOf.get(id) ?? []) articles.add(article);
    }
    for (const article of articles) {
      let list = coverageOf.get(article);
      if (!list) coverageOf.set(article, (list = []));
      list.push(c);
    }
  }
  return dataset.articles.map((article, i) => {
    const statements = statementsOf.get(article.id) ?? [];
    const speakers = new Set(statements.map((s) => s.speaker).filter((x): x is string => !!x));
    return {
      id: article.id,
      addedAt: now + i,
      article,
      statements,
      people: [...speakers].map((id) => people.get(id)).filter((p) => p !== undefined),
      outlets: outlets.has(article.outlet) ? [outlets.get(article.outlet)!] : [],
      coverage: coverageOf.get(article.id) ?? [],
    };
  });
}
