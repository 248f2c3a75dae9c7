import type { CardData } from '../cards/build-card';
import type { MentionCount } from '../shared/protocol';

export interface CardRequestDeps {
  /** What the tab's content script last reported finding on its page. */
  reported(tabId: number): Promise<MentionCount[] | null>;
  build(entity: string, pageText: string): Promise<CardData | null>;
}

/**
 * Answers `card:get` only for someone the asking tab reported on its page: a content script
 * beside a hostile page cannot walk the dataset (or the reader's library) entity by entity.
 * The reply is exactly what the card shows for that mention.
 */
export async function answerCardRequest(
  deps: CardRequestDeps,
  { entity, pageText }: { entity: string; pageText: string },
  tabId: number | null,
): Promise<CardData | null> {
  if (tabId === null) return null;
  const counts = await deps.reported(tabId);
  if (!counts?.some((c) => c.entity === entity && c.count > 0)) return null;
  return deps.build(entity, pageText);
}
