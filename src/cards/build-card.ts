import { extractStatements } from '../dataset/attribute';
import { PeopleRegistry } from '../dataset/people-registry';
import { containment, profile, resemblance, terms } from '../dataset/similarity';
import {
  blindspots,
  prepareStatements,
  UTTERANCE_THRESHOLDS,
  type Prepared,
} from '../dataset/utterances';
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

/** One wording of an utterance and every outlet that carried it word for word. */
export interface CardRow {
  versions: CardVersion[];
  /**
   * The wording, with the words it does not share with the most common wording marked
   * ("added": this row's own words). The most common wording itself has no marks.
   */
  parts: DiffPart[];
  /** Whether this is the most common wording, the one the others are compared with. */
  common: boolean;
  /**
   * Whether this wording shares too little with the most common one to be compared word by
   * word (another part of the same remark): shown without marks.
   */
  part: boolean;
  /** Whether the page being read carries this wording. */
  page: boolean;
}

/** One utterance and how each outlet worded it. */
export interface CardGroup {
  coverage: string;
  similarity: number;
  /** Every version, fullest first. */
  versions: CardVersion[];
  /** Distinct wordings: the most common first, then by how many outlets carried each. */
  rows: CardRow[];
  /** How many outlets carried the utterance. */
  outlets: number;
}

/** What one outlet carried and none of the others did in any version. */
export interface OnlyIn {
  outlet: Pick<Outlet, 'id' | 'name' | 'country' | 'ownership'>;
  versions: CardVersion[];
  /** How many outlets were compared. */
  of: number;
}

/** What the current page quotes of the dataset. */
export interface PageVersion {
  /** The dataset statement the page carries word for word, if any. */
  statement: string | null;
  /** The group (utterance) the page's quotation belongs to, if other outlets carried it too. */
  coverage: string | null;
  /** The page's own wording, when it differs from every version in the dataset. */
  text: string | null;
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
}

export type CardData = PersonCard | EventCard;

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

function preparedOf(index: DatasetIndex): Prepared {
  return (index.lazy.prepared ??= prepareStatements(index.dataset.statements));
}

/** Statements safe to call "only in" their outlet, with how many outlets were compared. */
function claimsOf(index: DatasetIndex): Map<string, number> {
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

/** A wording as compared for "identical": case, punctuation and spacing ignored. */
const wordingKey = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

/** A wording's text with the words it does not share with `common` marked as its own. */
function ownWords(common: string, text: string, wordDiff: WordDiff): DiffPart[] {
  const kept = wordDiff(common, text).filter((p) => p.op !== 'removed');
  const parts: DiffPart[] = [];
  kept.forEach((p, i) => {
    // A space between two marked words belongs to the mark.
    const op =
      p.op === 'same' &&
      p.text.trim() === '' &&
      kept[i - 1]?.op === 'added' &&
      kept[i + 1]?.op === 'added'
        ? 'added'
        : p.op;
    const last = parts.at(-1);
    if (last && last.op === op) last.text += p.text;
    else parts.push({ op, text: p.text });
  });
  return parts;
}

/**
 * Rows of one utterance: identical wordings collapsed into one row with their outlets, the most
 * common wording first (ties: the fullest), each other wording with its own words marked.
 */
export function rowsOf(
  versions: CardVersion[],
  wordDiff: WordDiff,
  page?: { version: CardVersion } | null,
): CardRow[] {
  const byKey = new Map<string, CardVersion[]>();
  for (const v of versions) {
    const key = wordingKey(v.statement.text);
    const list = byKey.get(key);
    if (list) list.push(v);
    else byKey.set(key, [v]);
  }
  const pageKey = page ? wordingKey(page.version.statement.text) : null;
  const groups = [...byKey.entries()];
  const outletsIn = (list: CardVersion[]) => new Set(list.map((v) => v.outlet.id)).size;
  // Most outlets first; a full quotation before fragments and paraphrases; then dataset order.
  const rank = (list: CardVersion[]) =>
    outletsIn(list) * 4 + (list[0]!.statement.kind === 'quote' ? 2 : 0);
  groups.sort((a, b) => rank(b[1]) - rank(a[1]));
  const commonText = groups[0]?.[1][0]!.statement.text ?? '';
  const compared = (text: string, common: boolean) => {
    if (common) return { parts: [{ op: 'same' as const, text }], part: false };
    const parts = ownWords(commonText, text, wordDiff);
    const shared = parts.filter((p) => p.op === 'same').map((p) => wordingKey(p.text));
    const sharedWords = shared.join(' ').split(' ').filter(Boolean).length;
    // Under a fifth of its words in common: a different part of the remark, not a rewording.
    return sharedWords * 5 < wordingKey(text).split(' ').length
      ? { parts: [{ op: 'same' as const, text }], part: true }
      : { parts, part: false };
  };
  const rows: CardRow[] = groups.map(([key, list], i) => ({
    versions: list,
    ...compared(list[0]!.statement.text, i === 0),
    common: i === 0,
    page: key === pageKey,
  }));
  if (page && pageKey !== null && !byKey.has(pageKey)) {
    rows.push({
      versions: [page.version],
      ...compared(page.version.statement.text, false),
      common: false,
      page: true,
    });
  }
  return rows;
}

function groupsAndSingles(
  index: DatasetIndex,
  statements: Statement[],
  wordDiff: WordDiff,
  page?: { coverage: string; version: CardVersion } | null,
): { groups: CardGroup[]; onlyIn: OnlyIn[] } {
  const groups: CardGroup[] = [];
  const seen = new Set<string>();
  const singles = new Map<string, OnlyIn>();
  const claims = claimsOf(index);
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
      const here = page?.coverage === coverage.id ? page : null;
      groups.push({
        coverage: coverage.id,
        similarity: coverage.similarity,
        versions,
        rows: rowsOf(versions, wordDiff, here),
        outlets: new Set(versions.map((v) => v.outlet.id)).size,
      });
      continue;
    }
    seen.add(s.id);
    const of = claims.get(s.id);
    if (of === undefined) continue;
    const version = versionOf(index, s);
    if (!version) continue;
    const bucket = singles.get(version.outlet.id) ?? { outlet: version.outlet, versions: [], of };
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

const PAGE_OUTLET: CardVersion['outlet'] = {
  id: 'page',
  name: 'This page',
  country: null,
  ownership: null,
};

/**
 * The page's own quotation of one of `statements`' utterances: the page text around the mention
 * goes through the same statement extraction as an article, and each quotation (speaker the
 * same or unknown) is compared with the utterances like any new version would be.
 */
function pageQuotation(
  index: DatasetIndex,
  pageText: string,
  statements: Statement[],
): { coverage: string; version: CardVersion } | null {
  const paragraphs = pageText
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return null;
  const found = extractStatements(paragraphs, new PeopleRegistry(index.dataset.people)).filter(
    (s) => s.kind === 'quote',
  );
  if (found.length === 0) return null;
  const { weights, items } = preparedOf(index);
  const speakers = new Set(statements.map((s) => s.speaker));
  const T = UTTERANCE_THRESHOLDS;
  let best: { coverage: Coverage; quote: string; score: number } | null = null;
  for (const q of found) {
    if (q.speaker !== null && !speakers.has(q.speaker)) continue;
    const p = profile(new Set(terms(q.text)), weights);
    if (p.terms.size < T.claimTerms) continue;
    const tried = new Set<string>();
    for (const s of statements) {
      const c = index.coverageOf.get(s.id);
      if (!c || tried.has(c.id)) continue;
      tried.add(c.id);
      if (q.speaker !== null && index.statements.get(c.statements[0]!)?.speaker !== q.speaker)
        continue;
      const vocabulary = new Set<string>();
      let res = 0;
      for (const id of c.statements) {
        const item = items.get(id);
        if (!item) continue;
        for (const t of item.p.terms) vocabulary.add(t);
        res = Math.max(res, resemblance(p, item.p, weights));
      }
      const con = containment(p, { terms: vocabulary, weight: 0 }, weights);
      const score = res >= T.resemble ? res : con >= T.contain ? con : 0;
      if (score > 0 && (!best || score > best.score)) best = { coverage: c, quote: q.text, score };
    }
  }
  if (!best) return null;
  const first = index.statements.get(best.coverage.statements[0]!);
  const speaker = first?.speaker ? index.people.get(first.speaker) : undefined;
  return {
    coverage: best.coverage.id,
    version: {
      statement: { id: 'page', kind: 'quote', text: best.quote, channel: null },
      speaker: speaker ? { id: speaker.id, name: speaker.name } : null,
      article: { id: 'page', title: 'This page', published: null, url: null },
      outlet: PAGE_OUTLET,
    },
  };
}

function pageVersion(
  index: DatasetIndex,
  pageText: string | undefined,
  statements: Statement[],
): { page: PageVersion | null; quotation: { coverage: string; version: CardVersion } | null } {
  if (!pageText) return { page: null, quotation: null };
  const hit = findPageVersion(pageText, statements);
  const quotation = pageQuotation(index, pageText, statements);
  const hitCoverage = hit ? (index.coverageOf.get(hit.id)?.id ?? null) : null;
  if (!hit && !quotation) return { page: null, quotation: null };
  const verbatim =
    !!quotation &&
    (index.coverageOf
      .get(hit?.id ?? '')
      ?.statements.some(
        (id) =>
          wordingKey(index.statements.get(id)?.text ?? '') ===
          wordingKey(quotation.version.statement.text),
      ) ??
      false);
  return {
    page: {
      statement: hit?.id ?? null,
      coverage: quotation?.coverage ?? hitCoverage,
      text: quotation && !verbatim ? quotation.version.statement.text : null,
    },
    quotation,
  };
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
    const { page, quotation } = pageVersion(index, pageText, statements);
    const { groups, onlyIn } = groupsAndSingles(index, statements, wordDiff, quotation);
    return {
      kind: 'person',
      id: person.id,
      name: person.name,
      role: person.role,
      country: person.country,
      groups,
      onlyIn,
      page,
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
  const { page, quotation } = pageVersion(index, pageText, statements);
  const { groups, onlyIn } = groupsAndSingles(index, statements, wordDiff, quotation);
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
    page,
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
  alone: CardVersion | null;
  speaker: string | null;
  articles: string[];
} | null {
  const statement = index.statements.get(id);
  if (!statement) return null;
  const { groups, onlyIn } = groupsAndSingles(index, [statement], wordDiff);
  const group = groups[0] ?? null;
  const only = onlyIn[0] ?? null;
  return {
    group,
    only,
    alone: group || only ? null : versionOf(index, statement),
    speaker: statement.speaker ? (index.people.get(statement.speaker)?.name ?? null) : null,
    articles: group ? group.versions.map((v) => v.article.id) : [statement.article],
  };
}
