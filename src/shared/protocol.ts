/**
 * The one message protocol between Counterpoint's contexts. Every message is a
 * `{ type, payload }` object; the map below ties each type to its payload, its reply
 * and the context allowed to send it, so senders and handlers are checked by the compiler
 * and the background can refuse a message from the wrong place.
 */

import type { CardData, CardGroup, CardVersion, OnlyIn } from '../cards/build-card';
import type { SearchResult } from '../search/search-index';
import type { PreparedMatcher } from '../matching/prepare';

/** Where a message may come from. */
export type Origin = 'content' | 'extension-page';

/** Per-entity mention counts on one page. */
export interface MentionCount {
  entity: string;
  name: string;
  kind: 'person' | 'event';
  count: number;
}

/** What the content script measured about its own work on a page (for the bench and tests). */
export interface ScanStats {
  /** The first full scan has finished. */
  done: boolean;
  /** Main-thread time of the first scan, summed over its slices, highlights included. */
  scanMs: number;
  /** Main-thread time to set up before it: the matcher compiled, the highlight registered. */
  setupMs: number;
  /** Wall time from the first scan's start to its end, yields included. */
  wallMs: number;
  /** Longest single slice of scanning work (a task on the main thread). */
  longestSliceMs: number;
  /** Slices run, and how many took longer than a long task (50 ms). */
  slices: number;
  slowSlices: number;
  blocks: number;
  /** Every mention found (what "Mark every mention" marks). */
  mentions: number;
  /** Mentions marked under the current setting (the quiet default marks fewer). */
  marks: number;
  /** Rescans after page changes, and the main-thread time of the last one. */
  rescans: number;
  lastRescanMs: number;
  /** Main-thread time of the first scan for library-only people (0 when there are none). */
  libraryScanMs: number;
}

/**
 * What a content script needs to start on a page: the names to find, never the dataset.
 * `matcher` holds the bundled names only, painted where the page can see them; `library`
 * the people only the reader's library knows (null when none), found but never painted.
 */
export interface ContentBoot {
  matcher: PreparedMatcher;
  library: PreparedMatcher | null;
}

/** The open card as the reader sees it; for our own extension pages (and tests) only. */
export interface CardSnapshot {
  label: string | null;
  text: string;
  removed: string[];
  added: string[];
  /** Focus is inside the card. */
  focused: boolean;
  /** The card's outlet versions are rendered (its data arrived). */
  versions: boolean;
  /** Words marked as differing from the most common wording. */
  marked: string[];
  background: string;
  /** The card's box in the viewport (for screenshots). */
  rect: { x: number; y: number; width: number; height: number };
  /** The rows of the group holding the page's own version, or null; and its "more" summary. */
  pageRows: CardRow[] | null;
  more: string | null;
}

/** One row of a card's group: the outlets that carried one wording. */
export interface CardRow {
  outlets: string[];
  versions: number;
  page: boolean;
  marked: string[];
  text: string;
}

/** What the popup shows for one statement. */
export interface StatementDetail {
  id: string;
  speaker: string | null;
  group: CardGroup | null;
  only: OnlyIn | null;
  /** The statement itself when no other version was found and no "only in" claim is safe. */
  alone: CardVersion | null;
  articles: string[];
}

/** Messages handled by the background. */
export interface BackgroundProtocol {
  /** A content script starts on a page and asks whether to run there. */
  'content:boot': { from: 'content'; payload: { host: string }; reply: ContentBoot };
  /** A content script reports what it found, for the toolbar badge. */
  'content:mentions': { from: 'content'; payload: { counts: MentionCount[] }; reply: null };
  /** The hover card's data for a person or event; `pageText` is the text around the mention. */
  'card:get': {
    from: 'content';
    payload: { entity: string; pageText: string };
    reply: CardData | null;
  };
  /** Open the compare view on two articles. */
  'compare:open': { from: 'content'; payload: { articles: string[] }; reply: null };
  /** The popup's search, run where the index stays loaded. */
  'search:query': {
    from: 'extension-page';
    payload: { query: string; limit: number };
    reply: SearchResult[];
  };
  /** A statement's detail: its versions side by side, or the one outlet that carried it. */
  'statement:get': {
    from: 'extension-page';
    payload: { id: string };
    reply: StatementDetail | null;
  };
  /** An extension page asks what the content script of a tab reported. */
  'page:mentions': {
    from: 'extension-page';
    payload: { tabId: number };
    reply: { counts: MentionCount[] } | null;
  };
}

/** Messages handled by content scripts (sent by extension pages with tabs.sendMessage). */
export interface ContentProtocol {
  /**
   * The open card's content. The card's shadow root is closed, so the page cannot read it;
   * our own extension pages (and the e2e tests through them) ask here.
   */
  'tab:card': { payload: { expand?: boolean }; reply: CardSnapshot | null };
  /** Scroll to the next mention of `entity` (or of anything, when null) and open its card. */
  'tab:reveal': { payload: { entity: string | null }; reply: boolean };
  /** The page's markup for "Add this article" (parsed by Readability in the extension page). */
  'tab:article': {
    payload: Record<string, never>;
    reply: { url: string; title: string; html: string };
  };
  /** Liveness and identity of the content script in a tab. */
  'tab:ping': {
    payload: Record<string, never>;
    reply: { url: string; host: string; counts: MentionCount[]; stats: ScanStats | null };
  };
}

export type BackgroundType = keyof BackgroundProtocol;
export type ContentType = keyof ContentProtocol;

export interface Envelope<T extends string, P> {
  type: T;
  payload: P;
}

export type BackgroundMessage = {
  [K in BackgroundType]: Envelope<K, BackgroundProtocol[K]['payload']>;
}[BackgroundType];

export type ContentMessage = {
  [K in ContentType]: Envelope<K, ContentProtocol[K]['payload']>;
}[ContentType];

export type BackgroundReply<K extends BackgroundType> = BackgroundProtocol[K]['reply'];
export type ContentReply<K extends ContentType> = ContentProtocol[K]['reply'];

/** Which context may send each background message; checked against the sender. */
export const BACKGROUND_ORIGINS: { [K in BackgroundType]: BackgroundProtocol[K]['from'] } = {
  'content:boot': 'content',
  'content:mentions': 'content',
  'card:get': 'content',
  'compare:open': 'content',
  'search:query': 'extension-page',
  'statement:get': 'extension-page',
  'page:mentions': 'extension-page',
};
