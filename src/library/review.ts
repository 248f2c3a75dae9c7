import type { ArticleAddition, ArticleInput } from '../dataset';
import type { Outlet } from '../dataset/types';
import { slug } from '../text/words';
import type { LibraryEntry } from './types';

/** What "Add this article" read from a page (Readability's output plus the page's address). */
export interface PageArticle {
  url: string;
  title: string;
  /** Headline, then one paragraph per line. */
  text: string;
  siteName: string | null;
  published: string | null;
}

/**
 * A stable library id for a page: "lib-" and its address, so adding it twice is caught. The
 * host and path are ASCII (punycode, percent-encoding), so the slug keeps every character.
 */
export function libraryIdFor(url: string): string {
  const u = new URL(url);
  return `lib-${slug(u.host + u.pathname)
    .slice(0, 80)
    .replace(/-$/, '')}`;
}

/**
 * The outlet a page belongs to: a known one whose homepage shares the page's host, or a new
 * one named after the site.
 */
export function outletForPage(known: readonly Outlet[], url: string, siteName: string | null) {
  const host = new URL(url).hostname.replace(/^www\./, '');
  const match = known.find((o) => {
    if (!o.homepage) return false;
    try {
      return new URL(o.homepage).hostname.replace(/^www\./, '') === host;
    } catch {
      return false;
    }
  });
  if (match) return { outlet: match, isNew: false };
  const outlet: Outlet = {
    id: slug(host) || 'unknown',
    name: siteName?.trim() || host,
    country: null,
    ownership: null,
    homepage: new URL(url).origin,
  };
  return { outlet, isNew: true };
}

/** The pipeline's input for a page article. */
export function inputForPage(page: PageArticle, outlet: string): ArticleInput {
  const published =
    page.published && /^\d{4}-\d{2}-\d{2}/.test(page.published) ? page.published : null;
  return {
    file: `${libraryIdFor(page.url)}.txt`,
    text: page.text,
    meta: {
      outlet,
      title: page.title || undefined,
      url: page.url,
      published: published ? published.slice(0, 10) : null,
      language: null,
    },
  } as ArticleInput;
}

/** The reader's corrections before saving. */
export interface ReviewEdits {
  /** Statement ids to leave out. */
  dropped: ReadonlySet<string>;
  /** Speaker per statement id where the reader changed it (null: unknown speaker). */
  speakers: Readonly<Record<string, string | null>>;
  outlet: Outlet;
  /** Whether `outlet` is new to the dataset (then the entry carries it). */
  newOutlet: boolean;
  title: string;
  /** ISO date or null. */
  published: string | null;
}

/**
 * The library entry for a reviewed article: dropped statements and links to them gone,
 * speakers as the reader set them, and only the new people still quoted.
 */
export function entryFromReview(
  addition: ArticleAddition,
  edits: ReviewEdits,
  now: number,
): LibraryEntry {
  const statements = addition.statements
    .filter((s) => !edits.dropped.has(s.id))
    .map((s) => (s.id in edits.speakers ? { ...s, speaker: edits.speakers[s.id] ?? null } : s));
  const kept = new Set(statements.map((s) => s.id));
  const coverage = addition.coverage
    .map((c) => ({
      ...c,
      statements: c.statements.filter(
        (id) => kept.has(id) || !id.startsWith(`${addition.article.id}:`),
      ),
    }))
    .filter((c) => c.statements.length >= 2 && c.statements.some((id) => kept.has(id)));
  const speaking = new Set(statements.map((s) => s.speaker));
  return {
    id: addition.article.id,
    addedAt: now,
    article: {
      ...addition.article,
      outlet: edits.outlet.id,
      title: edits.title.trim() || addition.article.title,
      published: edits.published,
    },
    statements,
    people: addition.people.filter((p) => speaking.has(p.id)),
    outlets: edits.newOutlet ? [edits.outlet] : [],
    coverage,
  };
}
