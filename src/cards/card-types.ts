import type { Article, DiffPart, Outlet, Person, Statement } from '../dataset/types';

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

/** What the card shows for a person. */
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

/** What the card shows for an event. */
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

/** A card: a person's or an event's. */
export type CardData = PersonCard | EventCard;

/** Computes word differences between two texts; injected so the card stays diff-library agnostic. */
export type WordDiff = (a: string, b: string) => DiffPart[];
