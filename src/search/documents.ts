import type { Article, Dataset, DatasetEvent, Outlet, Person, Statement } from '../dataset/types';

/** What search can find. */
export type SearchKind = 'person' | 'event' | 'statement' | 'article' | 'outlet';

/** What a result row shows for a record. */
export interface Shown {
  /** Shown as the result's first line; its matched words are marked. */
  title: string;
  /** Shown under the title (speaker, outlet, date, role). */
  detail: string | null;
}

/** One searchable record: what the popup shows for it and the text that finds it. */
export interface SearchDoc extends Shown {
  kind: SearchKind;
  id: string;
  /** More text that finds the record but is not shown (aliases, a long statement's rest). */
  extra: string;
  /**
   * The strings `detail` joins (speaker, outlet, date), when it is made of some: each is
   * shared by many records, so the index reads its words once, not every record's detail.
   */
  detailParts?: readonly string[];
}

/** Longest title kept for a statement; the detail view shows the full text. */
export const TITLE_CHARS = 220;

const clip = (text: string) =>
  text.length <= TITLE_CHARS ? text : `${text.slice(0, TITLE_CHARS - 1).trimEnd()}…`;

/**
 * The text a clipped title leaves out, from the start of the word the clip cut: indexed as
 * `extra`, so a long statement's words are read once, not twice (title, then the whole text).
 */
function beyondClip(text: string): string {
  if (text.length <= TITLE_CHARS) return '';
  let start = TITLE_CHARS - 1;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  return text.slice(start);
}

/**
 * A letter, digit or combining mark (as `tokenize` reads words); a surrogate half counts, so
 * pairs stay whole.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}\ud800-\udfff]/u;

/** Where a loaded index reads what its rows show (the dataset, or in tests its documents). */
export interface ShownSource {
  /** What record `kind:id` shows, or null when there is none; `hint`: see `RecordLookup`. */
  shown(kind: SearchKind, id: string, hint?: number): Shown | null;
}

/**
 * A dataset's records by id, each map made on first use. A serialised index stores no text
 * a result shows (the dataset already has it): the rows of a result are read from here.
 */
export class RecordLookup implements ShownSource {
  private maps = new Map<string, Map<string, unknown>>();

  constructor(readonly dataset: Dataset) {}

  /**
   * What the record `kind:id` shows, or null when the dataset has no such record. `hint` is
   * where it probably sits in the dataset's list of its kind (an index made from this very
   * dataset lists each kind in the dataset's order): checked, so a wrong one only costs a map.
   */
  shown(kind: SearchKind, id: string, hint = -1): Shown | null {
    switch (kind) {
      case 'person': {
        const p = this.find('people', id, hint);
        return p ? { title: p.name, detail: p.role } : null;
      }
      case 'event': {
        const e = this.find('events', id, hint);
        return e ? eventShown(e) : null;
      }
      case 'statement': {
        const s = this.find('statements', id, hint);
        return s ? statementShown(s, this.context(s)) : null;
      }
      case 'article': {
        const a = this.find('articles', id, hint);
        return a ? articleShown(a, this.find('outlets', a.outlet)) : null;
      }
      case 'outlet': {
        const o = this.find('outlets', id, hint);
        return o ? { title: o.name, detail: o.ownership } : null;
      }
    }
  }

  private context(s: Statement) {
    const article = this.find('articles', s.article);
    return {
      article,
      outlet: article ? this.find('outlets', article.outlet) : undefined,
      speaker: s.speaker ? this.find('people', s.speaker)?.name : undefined,
    };
  }

  private find<K extends keyof Lists>(list: K, id: string, hint = -1): Lists[K] | undefined {
    const records = this.dataset[list] as unknown as readonly Lists[K][];
    const at = records[hint];
    if (at?.id === id) return at;
    let map = this.maps.get(list) as Map<string, Lists[K]> | undefined;
    if (!map) {
      map = new Map();
      for (const r of records) map.set(r.id, r);
      this.maps.set(list, map);
    }
    return map.get(id);
  }
}

interface Lists {
  people: Person;
  events: DatasetEvent;
  statements: Statement;
  articles: Article;
  outlets: Outlet;
}

function eventShown(e: DatasetEvent): Shown {
  return { title: e.name, detail: [e.place, e.date].filter(Boolean).join(' · ') || null };
}

function statementShown(
  s: Statement,
  { article, outlet, speaker }: { article?: Article; outlet?: Outlet; speaker?: string },
): Shown {
  const parts = statementDetailParts(speaker, outlet?.name, article?.published?.slice(0, 10));
  return { title: clip(s.text), detail: statementDetailOf(parts) };
}

/** What a statement's detail joins: who, where, when. */
function statementDetailParts(speaker?: string, outlet?: string, date?: string): string[] {
  return [speaker ?? 'Unknown speaker', outlet, date].filter((p): p is string => Boolean(p));
}

const statementDetailOf = (parts: readonly string[]) => parts.join(' · ') || null;

function articleShown(a: Article, outlet: Outlet | undefined): Shown {
  return {
    title: a.title,
    detail: [outlet?.name ?? a.outlet, a.published?.slice(0, 10)].filter(Boolean).join(' · '),
  };
}

/**
 * The records of a dataset that search covers. Kept separate from the index so the build
 * (bundled dataset) and the background (the reader's library) make the same records, and
 * what they show is made by the same functions as `RecordLookup` reads it back.
 */
export function documentsOf(dataset: Dataset): SearchDoc[] {
  const maker = new DocumentMaker(dataset);
  const docs = [...maker.people(), ...maker.events()];
  for (const d of maker.statements(dataset.statements)) docs.push(d);
  docs.push(...maker.articles(dataset.articles), ...maker.outlets());
  return docs;
}

/**
 * Makes a dataset's search records kind by kind, and statements a slice at a time, so a
 * library's first build makes them in its slices. Statements with the same speaker, outlet
 * and date share one detail string and one parts array, made once (and then read once by
 * the index, which knows them).
 */
export class DocumentMaker {
  private readonly peopleById: Map<string, Person>;
  private readonly outletsById: Map<string, Outlet>;
  private readonly articlesById: Map<string, Article>;
  /** Outlet and date → speaker id ('' for none) → the detail its statements show, and its parts. */
  private readonly details = new Map<string, Map<string, Detail>>();
  /** Article id → the details of its outlet and date. */
  private readonly byArticle = new Map<string, Map<string, Detail>>();
  private lastArticle: string | null = null;
  private lastDetails: Map<string, Detail> | undefined;

  constructor(private readonly dataset: Dataset) {
    this.peopleById = new Map(dataset.people.map((p) => [p.id, p]));
    this.outletsById = new Map(dataset.outlets.map((o) => [o.id, o]));
    this.articlesById = new Map(dataset.articles.map((a) => [a.id, a]));
  }

  people(): SearchDoc[] {
    return this.dataset.people.map((p) => ({
      kind: 'person',
      id: p.id,
      title: p.name,
      detail: p.role,
      extra: [...p.aliases, ...p.shortForms].join(' '),
    }));
  }

  events(): SearchDoc[] {
    return this.dataset.events.map((e) => ({
      kind: 'event',
      id: e.id,
      ...eventShown(e),
      extra: [...e.aliases, e.description].join(' '),
    }));
  }

  statements(statements: readonly Statement[]): SearchDoc[] {
    const docs: SearchDoc[] = [];
    for (const s of statements) {
      const { detail, parts } = this.statementDetail(s);
      docs.push({
        kind: 'statement',
        id: s.id,
        title: clip(s.text),
        detail,
        // Speaker and outlet are in the detail, which is indexed too.
        extra: beyondClip(s.text),
        detailParts: parts,
      });
    }
    return docs;
  }

  articles(articles: readonly Article[]): SearchDoc[] {
    // The outlet's name is in the detail.
    return articles.map((a) => ({
      kind: 'article',
      id: a.id,
      ...articleShown(a, this.outletsById.get(a.outlet)),
      extra: '',
    }));
  }

  outlets(): SearchDoc[] {
    return this.dataset.outlets.map((o) => ({
      kind: 'outlet',
      id: o.id,
      title: o.name,
      detail: o.ownership,
      extra: o.id,
    }));
  }

  /** What `statementShown` gives as detail, once per speaker, outlet and date. */
  private statementDetail(s: Statement): Detail {
    // Statements come article by article: the last article's map is usually the one.
    let bySpeaker =
      s.article === this.lastArticle ? this.lastDetails : this.byArticle.get(s.article);
    if (!bySpeaker) bySpeaker = this.detailsOf(s.article);
    this.lastArticle = s.article;
    this.lastDetails = bySpeaker;
    const speakerId = s.speaker ?? '';
    let detail = bySpeaker.get(speakerId);
    if (detail === undefined) {
      const { outlet, date } = this.articleFacts(s.article);
      const speaker = s.speaker ? this.peopleById.get(s.speaker)?.name : undefined;
      const parts = statementDetailParts(speaker, outlet, date);
      detail = { detail: statementDetailOf(parts), parts };
      bySpeaker.set(speakerId, detail);
    }
    return detail;
  }

  /** The details shared by every article of this one's outlet and date. */
  private detailsOf(articleId: string): Map<string, Detail> {
    const { outlet, date } = this.articleFacts(articleId);
    const key = `${outlet ?? ''}\u0000${date ?? ''}`;
    let details = this.details.get(key);
    if (!details) this.details.set(key, (details = new Map()));
    this.byArticle.set(articleId, details);
    return details;
  }

  private articleFacts(articleId: string): { outlet?: string; date?: string } {
    const article = this.articlesById.get(articleId);
    return {
      outlet: article ? this.outletsById.get(article.outlet)?.name : undefined,
      date: article?.published?.slice(0, 10),
    };
  }
}

interface Detail {
  detail: string | null;
  parts: readonly string[];
}
