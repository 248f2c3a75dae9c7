import type { Dataset } from '../dataset/types';
import { wordDiff } from '../diff/word-diff';
import { compileMatcher, matcherSpecFromDataset, type Matcher } from '../matching';
import {
  buildCard,
  buildStatementDetail,
  indexDataset,
  type CardData,
  type DatasetIndex,
} from './build-card';
import { withLanguages } from './languages';

/** A statement's versions as `buildStatementDetail` gives them, with its id. */
export type StatementVersions = NonNullable<ReturnType<typeof buildStatementDetail>> & {
  id: string;
};

/** What every context asks of a dataset: its index, a card, a statement's versions, a matcher. */
export interface DatasetView {
  dataset: Dataset;
  index: DatasetIndex;
  /** The card for a person or event (`pageText`: the words around the mention), or null. */
  card(entity: string, pageText?: string): CardData | null;
  /** One statement with its versions side by side, or null when it is unknown. */
  statement(id: string): StatementVersions | null;
  /** A matcher for every name in the dataset (built on first use). */
  matcher(): Matcher;
}

/**
 * One way to read a dataset, so the background's cards and the welcome page's sample show
 * the same thing: the index is built once, and cards always carry their languages.
 */
export function datasetView(dataset: Dataset): DatasetView {
  const index = indexDataset(dataset);
  let matcher: Matcher | null = null;
  return {
    dataset,
    index,
    card(entity, pageText) {
      const card = buildCard(index, entity, wordDiff, pageText);
      return card && withLanguages(index, card);
    },
    statement(id) {
      const detail = buildStatementDetail(index, id, wordDiff);
      return detail ? { id, ...detail } : null;
    },
    matcher() {
      matcher ??= compileMatcher(matcherSpecFromDataset(dataset));
      return matcher;
    },
  };
}
