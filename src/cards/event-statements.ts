import type { Article, DatasetEvent } from '../dataset/types';
import { words } from '../text/words';

/**
 * Every way the dataset writes the event: its name, aliases (each language, inflected) and
 * generic phrases, as folded word sequences ("Trump–Kim summit" is trump kim summit).
 */
function namesOf(event: DatasetEvent): string[][] {
  return [event.name, ...event.aliases, ...(event.phrases ?? [])]
    .map(words)
    .filter((w) => w.length > 0);
}

/** Whether `haystack` holds `needle` as consecutive words. */
function holds(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The articles about `event`: those whose headline or text names it by any of its names.
 * The event card takes the statements of these articles, not every statement of every
 * article: a story that never names the event says nothing about it, whoever speaks in it.
 */
export function articlesAbout(event: DatasetEvent, articles: readonly Article[]): Set<string> {
  const names = namesOf(event);
  const out = new Set<string>();
  for (const a of articles) {
    const text = words([a.title, ...a.paragraphs].join('\n'));
    if (names.some((n) => holds(text, n))) out.add(a.id);
  }
  return out;
}
