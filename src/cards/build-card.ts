import type { DatasetEvent, Person, Statement } from '../dataset/types';
import type {
  CardData,
  CardGroup,
  CardVersion,
  EventCard,
  OnlyIn,
  PersonCard,
  WordDiff,
} from './card-types';
import { versionOf, type DatasetIndex } from './dataset-index';
import { articlesAbout } from './event-statements';
import { pageVersion } from './page-version';
import { groupsAndSingles } from './rows';

// The card's types and the dataset index have modules of their own; code outside the cards
// that imports them from here keeps working.
export type * from './card-types';
export { indexDataset, type DatasetIndex } from './dataset-index';
export { findPageVersion } from './page-version';

const byArticleOrder = (index: DatasetIndex) => {
  const order = new Map(index.dataset.statements.map((s, i) => [s.id, i]));
  return (a: Statement, b: Statement) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
};

/** What a person's and an event's card share: the remarks, grouped, and the page's version. */
function remarks(
  index: DatasetIndex,
  statements: Statement[],
  wordDiff: WordDiff,
  pageText: string | undefined,
): Pick<PersonCard, 'groups' | 'onlyIn' | 'page' | 'articles'> {
  const { page, quotation } = pageVersion(index, pageText, statements);
  const { groups, onlyIn } = groupsAndSingles(index, statements, wordDiff, quotation);
  return { groups, onlyIn, page, articles: [...new Set(statements.map((s) => s.article))] };
}

function personCard(
  index: DatasetIndex,
  person: Person,
  wordDiff: WordDiff,
  pageText?: string,
): PersonCard {
  const statements = index.dataset.statements
    .filter((s) => s.speaker === person.id)
    .sort(byArticleOrder(index));
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    role: person.role,
    country: person.country,
    ...remarks(index, statements, wordDiff, pageText),
  };
}

function eventCard(
  index: DatasetIndex,
  event: DatasetEvent,
  wordDiff: WordDiff,
  pageText?: string,
): EventCard {
  // What known speakers said in the articles about the event (see `articlesAbout`).
  const about = articlesAbout(event, index.dataset.articles);
  const statements = index.dataset.statements
    .filter((s) => s.speaker !== null && about.has(s.article))
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
  return {
    kind: 'event',
    id: event.id,
    name: event.name,
    date: event.date,
    place: event.place,
    description: event.description,
    speakers: [...speakers.values()].map((s) => ({ ...s, outlets: [...s.outlets].sort() })),
    ...remarks(index, statements, wordDiff, pageText),
  };
}

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
  if (person) return personCard(index, person, wordDiff, pageText);
  const event = index.events.get(entity);
  return event ? eventCard(index, event, wordDiff, pageText) : null;
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
