import type { Dataset } from '../dataset/types';

/** What search can find. */
export type SearchKind = 'person' | 'event' | 'statement' | 'article' | 'outlet';

/** One searchable record: what the popup shows for it and the text that finds it. */
export interface SearchDoc {
  kind: SearchKind;
  id: string;
  /** Shown as the result's first line; its matched words are marked. */
  title: string;
  /** Shown under the title (speaker, outlet, date, role). */
  detail: string | null;
  /** More text that finds the record but is not shown (aliases, speaker, outlet). */
  extra: string;
}

/** Longest title kept for a statement; the detail view shows the full text. */
export const TITLE_CHARS = 220;

const clip = (text: string) =>
  text.length <= TITLE_CHARS ? text : `${text.slice(0, TITLE_CHARS - 1).trimEnd()}…`;

/**
 * The records of a dataset that search covers. Kept separate from the index so the build
 * (bundled dataset) and the background (the reader's library) make the same records.
 */
export function documentsOf(dataset: Dataset): SearchDoc[] {
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const outlets = new Map(dataset.outlets.map((o) => [o.id, o]));
  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  const docs: SearchDoc[] = [];
  for (const p of dataset.people) {
    docs.push({
      kind: 'person',
      id: p.id,
      title: p.name,
      detail: p.role,
      extra: [...p.aliases, ...p.shortForms].join(' '),
    });
  }
  for (const e of dataset.events) {
    docs.push({
      kind: 'event',
      id: e.id,
      title: e.name,
      detail: [e.place, e.date].filter(Boolean).join(' · ') || null,
      extra: [...e.aliases, e.description].join(' '),
    });
  }
  for (const s of dataset.statements) {
    const article = articles.get(s.article);
    const outlet = article ? outlets.get(article.outlet) : undefined;
    const speaker = s.speaker ? people.get(s.speaker)?.name : undefined;
    docs.push({
      kind: 'statement',
      id: s.id,
      title: clip(s.text),
      detail:
        [speaker ?? 'Unknown speaker', outlet?.name, article?.published?.slice(0, 10)]
          .filter(Boolean)
          .join(' · ') || null,
      extra: [speaker, outlet?.name, s.text.length > TITLE_CHARS ? s.text : '']
        .filter(Boolean)
        .join(' '),
    });
  }
  for (const a of dataset.articles) {
    const outlet = outlets.get(a.outlet);
    docs.push({
      kind: 'article',
      id: a.id,
      title: a.title,
      detail: [outlet?.name ?? a.outlet, a.published?.slice(0, 10)].filter(Boolean).join(' · '),
      extra: outlet?.name ?? '',
    });
  }
  for (const o of dataset.outlets) {
    docs.push({
      kind: 'outlet',
      id: o.id,
      title: o.name,
      detail: o.ownership,
      extra: o.id,
    });
  }
  return docs;
}
