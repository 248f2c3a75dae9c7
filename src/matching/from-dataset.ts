import type { Dataset } from '../dataset/types';
import type { MatcherSpec } from './types';

/**
 * The matcher's view of a dataset: names only. It is all a content script receives, so the
 * dataset itself never enters a page. `hidden` lists ids the reader chose not to mark.
 */
export function matcherSpecFromDataset(
  dataset: Pick<Dataset, 'people' | 'events'>,
  hidden: readonly string[] = [],
): MatcherSpec {
  const skip = new Set(hidden);
  return {
    version: 1,
    entities: [
      ...dataset.events
        .filter((e) => !skip.has(e.id))
        .map((e) => ({
          id: e.id,
          kind: 'event' as const,
          name: e.name,
          // Its phrases ("summit in Singapore") are matched as its aliases are: the event's
          // knowledge is in the data alone.
          fullNames: [...e.aliases, ...(e.phrases ?? [])],
          shortForms: [],
          ambiguousShortForms: [],
          namesakes: [],
          titles: [],
        })),
      ...dataset.people
        .filter((p) => !skip.has(p.id))
        .map((p) => ({
          id: p.id,
          kind: 'person' as const,
          name: p.name,
          fullNames: p.aliases,
          shortForms: p.shortForms,
          ambiguousShortForms: p.ambiguousShortForms,
          namesakes: p.namesakes,
          titles: p.titles,
        })),
    ],
  };
}
