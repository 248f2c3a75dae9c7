/**
 * The shape of the generated dataset (`npm run dataset`), shared by every context.
 * This file is the contract between the pipeline, the matcher, search and the UI;
 * `docs/dataset.md` documents it for people.
 */

/** ISO 3166-1 alpha-2 country code, e.g. "RU", "US", "FR". */
type CountryCode = string;

export interface Outlet {
  /** Stable slug, e.g. "rt", "cnn". "unknown" for articles without metadata. */
  id: string;
  name: string;
  country: CountryCode | null;
  /** Ownership and funding in a few words, e.g. "Russian state-funded". */
  ownership: string | null;
  homepage: string | null;
}

export interface Person {
  /** Stable slug, e.g. "vladimir-putin". */
  id: string;
  /** Canonical display name, e.g. "Kim Jong-un". */
  name: string;
  /** Full-name spelling variants that always identify this person, e.g. ["Kim Jong Un"]. */
  aliases: string[];
  /** Short forms safe on their own, e.g. ["Putin"]. */
  shortForms: string[];
  /** Short forms that count only when a full name is on the same page, e.g. ["Kim"]. */
  ambiguousShortForms: string[];
  /** Other people whose names contain ours, never mentions of this person, e.g. ["Kim Jong-il"]. */
  namesakes: string[];
  /** Titles that may precede the name and belong in the highlight, e.g. ["President"]. */
  titles: string[];
  /** Role at the time of the articles, e.g. "President of Russia". */
  role: string | null;
  country: CountryCode | null;
  /** "reference" when curated in assets/reference, "article" when first seen in an article. */
  source: 'reference' | 'article';
}

export interface DatasetEvent {
  /** Stable slug, e.g. "singapore-summit-2018". */
  id: string;
  name: string;
  /** Other names that clearly mean this event, e.g. ["Trump–Kim summit", "US-North Korea summit"]. */
  aliases: string[];
  /**
   * Generic phrases that clearly mean this event, beyond its names ("summit in Singapore",
   * "June 12 summit"), expanded from `assets/reference/events.json`. Absent in datasets
   * written before they were data.
   */
  phrases?: string[];
  /** ISO date the event was scheduled for. */
  date: string | null;
  place: string | null;
  /** One or two sentences: what, when, where, and what happened to it. */
  description: string;
}

export interface Article {
  /** Stable slug derived from the file name. */
  id: string;
  /** Path relative to the articles directory, with forward slashes. */
  file: string;
  /** An Outlet id. */
  outlet: string;
  title: string;
  /** ISO 8601 with offset, e.g. "2018-05-24T21:20:00+03:00"; null when unknown. */
  published: string | null;
  url: string | null;
  language: string | null;
  /** Cleaned paragraphs, in order; statements point into these by index. */
  paragraphs: string[];
}

export type StatementKind = 'quote' | 'paraphrase';

export interface Statement {
  /** Stable id, e.g. "rt-2018-05-24-trump-cancels:s3". */
  id: string;
  /** An Article id. */
  article: string;
  /** Index into the article's paragraphs where the statement starts. */
  paragraph: number;
  /** A Person id, or null when the text does not say who spoke. */
  speaker: string | null;
  kind: StatementKind;
  /** For a quote: exactly the characters between its marks. For a paraphrase: the reported clause. */
  text: string;
  /** How the words reached the outlet, e.g. "told Interfax", "wrote on Facebook"; null if not said. */
  channel: string | null;
}

export interface DiffPart {
  /** "same" text is in both versions; "removed" only in the first; "added" only in the second. */
  op: 'same' | 'removed' | 'added';
  text: string;
}

export interface Coverage {
  /** Stable id, e.g. "c1". */
  id: string;
  /** Statement ids, in different articles, that report the same utterance. */
  statements: string[];
  /** 0..1, how closely the wordings agree. */
  similarity: number;
  /** Word-level differences between the first two statements (jsdiff). */
  diff: DiffPart[];
}

/**
 * What one outlet carried about an event that none of the others did in any version (quote,
 * fragment or paraphrase); claims are made only when that is certain.
 */
export interface Exclusive {
  event: string;
  outlet: string;
  /** How many outlets covering the event were compared. */
  of: number;
  statements: string[];
}

export interface Dataset {
  version: number;
  articles: Article[];
  people: Person[];
  outlets: Outlet[];
  events: DatasetEvent[];
  statements: Statement[];
  coverage: Coverage[];
  exclusives: Exclusive[];
}
