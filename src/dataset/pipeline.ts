import { compileMatcher } from '../matching/compile';
import { matcherSpecFromDataset } from '../matching/from-dataset';
import { extractStatements } from './attribute';
import { cleanArticle } from './clean';
import { coverageOf, linkCoverage } from './coverage';
import {
  blindspots,
  groupUtterances,
  namingTerms,
  prepareStatements,
  type Prepared as PreparedStatements,
  type Utterance,
} from './utterances';
import { PeopleRegistry } from './people-registry';
import { InputError, type Metadata, type ReferenceData } from './reference';
import { slug } from '../text/words';
import type { Article, Coverage, Dataset, Exclusive, Outlet, Person, Statement } from './types';

/** Version of the dataset format (docs/dataset.md). */
const DATASET_VERSION = 1;

/** One article as the pipeline takes it: plain text (seed style) plus optional metadata. */
export interface ArticleInput {
  /** Path relative to the articles directory, forward slashes; the article id comes from it. */
  file: string;
  text: string;
  meta: Metadata | null;
  /** Where the metadata came from, for errors: its file and the line of its `outlet` key. */
  metaSource?: { file: string; outletLine: number };
}

export interface DatasetWarning {
  file: string;
  message: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Article id from its file name: "rt-2018-05-24-putin-summit.txt" -> "rt-2018-05-24-putin-summit". */
function articleId(file: string): string {
  return slug(
    file
      .split('/')
      .pop()!
      .replace(/\.[^.]+$/, ''),
  );
}

/** A dateline such as "24 May, 2018 21:20" as an ISO date (time zone unknown: date only). */
function dateFromLine(line: string | null): string | null {
  const m = line && /(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})/.exec(line);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

interface Prepared {
  article: Article;
  statements: Statement[];
  added: Person[];
}

const FIELDS = ['name', 'country', 'ownership', 'homepage'] as const;

/**
 * The outlet id of an input. An outlet described in the metadata joins `outlets` (so later
 * articles naming the same id share it); describing a known id differently is an error.
 */
function outletOf(
  input: ArticleInput,
  outlets: Map<string, Outlet>,
  warnings: DatasetWarning[],
): string {
  const given = input.meta?.outlet;
  if (given === undefined) return 'unknown';
  if (typeof given === 'string') {
    if (given !== 'unknown' && !outlets.has(given)) {
      warnings.push({
        file: input.file,
        message: `outlet "${given}" is not in the reference outlets`,
      });
    }
    return given;
  }
  const described: Outlet = { ...given, homepage: given.homepage ?? null };
  const known = outlets.get(given.id);
  if (!known) {
    outlets.set(given.id, described);
    return given.id;
  }
  for (const field of FIELDS) {
    if (field === 'homepage' && given.homepage === undefined) continue;
    if (known[field] !== described[field]) {
      const where = input.metaSource ?? { file: input.file, outletLine: 1 };
      throw new InputError(
        where.file,
        where.outletLine,
        `outlet "${given.id}" is already known with ${field} ${JSON.stringify(known[field])}, ` +
          `described here as ${JSON.stringify(described[field])}`,
      );
    }
  }
  return given.id;
}

function prepare(
  input: ArticleInput,
  people: Person[],
  outlets: Map<string, Outlet>,
  warnings: DatasetWarning[],
): Prepared {
  const clean = cleanArticle(input.text);
  const id = articleId(input.file);
  if (!input.meta) warnings.push({ file: input.file, message: 'no metadata: outlet "unknown"' });
  const outlet = outletOf(input, outlets, warnings);
  const registry = new PeopleRegistry(people);
  const raw = extractStatements(
    clean.paragraphs.map((p) => p.text),
    registry,
  );
  const article: Article = {
    id,
    file: input.file,
    outlet,
    title: input.meta?.title ?? clean.title,
    published: input.meta?.published ?? dateFromLine(clean.dateLine),
    url: input.meta?.url ?? null,
    language: input.meta?.language ?? null,
    paragraphs: clean.paragraphs.map((p) => p.text),
  };
  const statements = raw.map((s, i) => ({
    id: `${id}:s${i + 1}`,
    article: id,
    paragraph: s.paragraph,
    speaker: s.speaker,
    kind: s.kind,
    text: s.text,
    channel: s.channel,
  }));
  // Only people who actually speak are worth a record of their own.
  const speaking = new Set(statements.map((s) => s.speaker));
  return { article, statements, added: registry.added.filter((p) => speaking.has(p.id)) };
}

/** Sort key: published time, a date without time counting as the end of that day. */
function when(a: Article): string {
  if (!a.published) return '9999';
  if (a.published.length === 10) return `${a.published}T23:59:59Z`;
  return new Date(a.published).toISOString();
}

function exclusivesOf(
  dataset: Omit<Dataset, 'exclusives'>,
  utterances: Utterance[],
  prepared: PreparedStatements,
): Exclusive[] {
  const matcher = compileMatcher(matcherSpecFromDataset(dataset));
  const articleOf = new Map(dataset.articles.map((a) => [a.id, a]));
  const named = new Map(
    dataset.articles.map((a) => [
      a.id,
      new Set(matcher.match([a.title, ...a.paragraphs].join('\n')).map((m) => m.entity)),
    ]),
  );
  const claims = blindspots(
    dataset.statements,
    {
      outlet: (a) => articleOf.get(a)?.outlet ?? 'unknown',
      language: (a) => articleOf.get(a)?.language ?? null,
      names: (a, person) => named.get(a)?.has(person) ?? false,
    },
    utterances,
    prepared,
  );
  const out: Exclusive[] = [];
  for (const event of dataset.events) {
    const articles = dataset.articles.filter((a) => named.get(a.id)?.has(event.id));
    const outlets = [...new Set(articles.map((a) => a.outlet))].sort();
    if (outlets.length < 2) continue;
    const ids = new Set(articles.map((a) => a.id));
    for (const outlet of outlets) {
      const statements = claims
        .filter(
          (c) => c.outlet === outlet && ids.has(c.statement.slice(0, c.statement.lastIndexOf(':'))),
        )
        .map((c) => c.statement);
      if (statements.length) out.push({ event: event.id, outlet, of: outlets.length, statements });
    }
  }
  return out;
}

/**
 * Builds the dataset from article files and the reference data. Pure and deterministic:
 * the same inputs give the same JSON. Warnings (missing metadata, unknown outlet) are
 * returned, not printed.
 */
export function buildDataset(
  inputs: ArticleInput[],
  reference: ReferenceData,
): { dataset: Dataset; warnings: DatasetWarning[] } {
  const warnings: DatasetWarning[] = [];
  const outlets = new Map(reference.outlets.map((o) => [o.id, o]));
  const people = new Map(reference.people.map((p) => [p.id, p]));
  const prepared: Prepared[] = [];
  for (const input of [...inputs].sort((a, b) => a.file.localeCompare(b.file))) {
    const p = prepare(input, [...people.values()], outlets, warnings);
    for (const person of p.added) if (!people.has(person.id)) people.set(person.id, person);
    prepared.push(p);
  }
  prepared.sort(
    (a, b) =>
      when(a.article).localeCompare(when(b.article)) || a.article.id.localeCompare(b.article.id),
  );
  const articles = prepared.map((p) => p.article);
  const statements = prepared.flatMap((p) => p.statements);
  const usedOutlets = new Set(articles.map((a) => a.outlet));
  const outletList = [...outlets.values()].filter((o) => usedOutlets.has(o.id));
  if (usedOutlets.has('unknown')) {
    outletList.push({
      id: 'unknown',
      name: 'Unknown outlet',
      country: null,
      ownership: null,
      homepage: null,
    });
  }
  const ready = prepareStatements(statements, namingTerms(people.values()));
  const utterances = groupUtterances(statements, ready);
  const base = {
    version: DATASET_VERSION,
    articles,
    people: [...people.values()],
    outlets: outletList,
    events: reference.events,
    statements,
    coverage: coverageOf(statements, utterances),
  };
  return { dataset: { ...base, exclusives: exclusivesOf(base, utterances, ready) }, warnings };
}

/** What adding one article brings, ready to store as a library entry. */
export interface ArticleAddition {
  article: Article;
  statements: Statement[];
  /** People the article introduced. */
  people: Person[];
  /** Links between the new statements and statements already in the dataset. */
  coverage: Coverage[];
  warnings: DatasetWarning[];
}

/**
 * Runs the pipeline on one more article against an existing dataset (the reader's "Add this
 * article"): its statements, new people, and links to the statements already there.
 */
export function addArticle(
  dataset: Dataset,
  input: ArticleInput,
  /** Told how far along it is (0–1), for a progress bar. */
  onProgress?: (fraction: number) => void,
): ArticleAddition {
  const warnings: DatasetWarning[] = [];
  const outlets = new Map(dataset.outlets.map((o) => [o.id, o]));
  onProgress?.(0.05);
  const p = prepare(input, dataset.people, outlets, warnings);
  onProgress?.(0.7);
  const fresh = new Set(p.statements.map((s) => s.id));
  const coverage = linkCoverage(
    [...dataset.statements.filter((s) => !fresh.has(s.id)), ...p.statements],
    fresh,
    namingTerms([...dataset.people, ...p.added]),
  ).filter((c) => c.statements.some((s) => fresh.has(s)));
  return { article: p.article, statements: p.statements, people: p.added, coverage, warnings };
}
