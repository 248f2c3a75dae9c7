/**
 * The one message protocol between Counterpoint's contexts. Every message is a
 * `{ type, payload }` object and is defined once, below: its payload schema (checked by the
 * background, since content scripts run beside untrusted pages), the context allowed to send
 * it, and its reply type. Payload types are derived from the schemas; every background reply
 * is a `Result`, so a sender can tell "nothing" from "failed". The handlers live in
 * `background/handlers.ts`, typed against these definitions, so a new message is one entry
 * here and one handler there (the compiler asks for it). Pure definitions only: content
 * scripts import this module for its types, and nothing of valibot reaches their bundle.
 */

import * as v from 'valibot';
import type { CardData, CardGroup, CardVersion, OnlyIn } from '../cards/build-card';
import type { SearchResult } from '../search/search-index';
import type { PreparedNames } from '../matching/match';
import type { Mention } from '../matching/types';

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
  /**
   * When that setup began, in ms from the page's time origin: the bench reads a page's text
   * this long after navigation on a load we leave alone, to compare like with like.
   */
  startedAt: number;
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
  matcher: PreparedNames;
  library: PreparedNames | null;
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

/** A reply that can fail: handlers that throw answer `{ ok: false }` (see `sendToBackground`). */
export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

/** One message: who may send it, its payload schema, and (as a type only) its reply. */
export interface MessageDef<From extends Origin, Schema extends v.GenericSchema, Reply> {
  from: From;
  payload: Schema;
  /** Content messages allowed per second and at once, per tab and frame (default `CONTENT_LIMIT`). */
  rate?: { perSecond: number; burst: number };
  /**
   * For a content message whose work grows with its size: units of `size` allowed per second
   * and at once, per tab and frame, besides the count of messages.
   */
  volume?: Volume<v.InferOutput<Schema>>;
  /** Never set: carries the reply type for senders and handlers. */
  readonly reply?: Reply;
}

/** A budget on the size of what one tab sends (see `MessageDef.volume`). */
export interface Volume<Payload> {
  perSecond: number;
  burst: number;
  /** A payload's size, already validated. A method: read through `MessageDef<…, unknown>`. */
  size(payload: Payload): number;
}

/** Declares a message; `Reply` is given explicitly, the rest is inferred. */
const message =
  <Reply>() =>
  <From extends Origin, Schema extends v.GenericSchema>(def: {
    from: From;
    payload: Schema;
    rate?: { perSecond: number; burst: number };
    volume?: Volume<v.InferOutput<Schema>>;
  }): MessageDef<From, Schema, Reply> =>
    def;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const mentionCount = v.object({
  entity: text(200),
  name: text(200),
  kind: v.picklist(['person', 'event']),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** Messages handled by the background, each defined once. */
export const BACKGROUND_MESSAGES = {
  /** A content script starts on a page and asks whether to run there. */
  'content:boot': message<ContentBoot>()({
    from: 'content',
    payload: v.object({ host: text(300) }),
  }),
  /**
   * The mentions in blocks of a page's text that hold an anchor word, one list per text, of
   * the bundled names or (`library`) of the people only the library knows. Matched here,
   * where the matcher stays compiled and warm, not on the page's main thread. A scan sends the
   * blocks it read when its reading is done, when they fill a message (about 1 M characters or
   * 2,000 texts) or after 250 ms, at the end of a slice of its work (8 ms and a yield); its rate
   * is its own: the page's two scans (bundled and library) share it. Its characters have a
   * budget too: a page that rewrote a long block with a name again and again would otherwise
   * keep the background, which every tab shares, matching. A first scan of a page with 32 M
   * characters of named blocks fits at once, and 4 M a second after that.
   */
  'scan:match': message<Mention[][]>()({
    from: 'content',
    payload: v.object({
      library: v.boolean(),
      texts: v.pipe(v.array(text(8_000_000)), v.maxLength(20_000)),
    }),
    rate: { perSecond: 200, burst: 400 },
    volume: {
      perSecond: 4_000_000,
      burst: 32_000_000,
      size: ({ texts }) => texts.reduce((n, t) => n + t.length, 0),
    },
  }),
  /** A content script reports what it found, for the toolbar badge. */
  'content:mentions': message<null>()({
    from: 'content',
    payload: v.object({ counts: v.pipe(v.array(mentionCount), v.maxLength(1000)) }),
  }),
  /** The hover card's data for a person or event; `pageText` is the text around the mention. */
  'card:get': message<CardData | null>()({
    from: 'content',
    payload: v.object({ entity: text(200), pageText: text(20_000) }),
  }),
  /** Open the compare view on two articles. */
  'compare:open': message<null>()({
    from: 'content',
    payload: v.object({ articles: v.pipe(v.array(text(300)), v.maxLength(50)) }),
  }),
  /** The popup's search, run where the index stays loaded. */
  'search:query': message<SearchResult[]>()({
    from: 'extension-page',
    payload: v.object({
      query: text(200),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
    }),
  }),
  /** A statement's detail: its versions side by side, or the one outlet that carried it. */
  'statement:get': message<StatementDetail | null>()({
    from: 'extension-page',
    payload: v.object({ id: text(300) }),
  }),
};

type BackgroundMessages = typeof BACKGROUND_MESSAGES;
export type BackgroundType = keyof BackgroundMessages;
/** A message's payload, as its schema admits it. */
export type BackgroundPayload<K extends BackgroundType> = v.InferOutput<
  BackgroundMessages[K]['payload']
>;
export type BackgroundReply<K extends BackgroundType> = Exclude<
  BackgroundMessages[K]['reply'],
  undefined
>;

/**
 * Messages handled by content scripts, sent by our extension pages (`tabs.sendMessage`; the
 * content script answers only our own extension's id). Types only: a schema here would put
 * valibot in every page's bundle, and the content script reads each payload defensively.
 * Replies are plain values, not `Result`s: each is read synchronously from the page session's
 * memory and cannot fail half-way; a tab without our script rejects the send instead.
 */
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

export type ContentType = keyof ContentProtocol;
export type ContentReply<K extends ContentType> = ContentProtocol[K]['reply'];

/**
 * The content script's answer to each `tab:*` message, one per type (the compiler asks for
 * each). The payload is read defensively: every field may be missing or of another type.
 */
export type ContentHandlers = {
  [K in ContentType]: (
    payload: Partial<ContentProtocol[K]['payload']> | undefined,
  ) => ContentReply<K>;
};
