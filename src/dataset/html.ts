import { Readability } from '@mozilla/readability';

/** An article read out of an HTML page. */
export interface ExtractedPage {
  title: string;
  /** Headline, then one paragraph per line (the pipeline's plain-text input). */
  text: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
}

/**
 * Extracts the article from an HTML document with Mozilla's Readability. Takes the Document
 * as a parameter (never a global), so Node (linkedom) and the browser (a DOMParser document
 * or a clone of the page) run the same code. Readability changes the document it reads: pass
 * a copy. Returns null when no article is found.
 */
export function extractArticle(doc: Document): ExtractedPage | null {
  // The serializer hands back Readability's element itself: no HTML string to parse again.
  const result = new Readability<Element>(doc, {
    keepClasses: false,
    serializer: (el) => el as Element,
  }).parse();
  if (!result || !result.content) return null;
  const container = result.content;
  const blocks: string[] = [];
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (/^(P|H[1-6]|LI|BLOCKQUOTE|PRE|FIGCAPTION|DD|DT|TD)$/.test(child.tagName)) {
        const t = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) blocks.push(t);
      } else {
        walk(child);
      }
    }
  };
  walk(container);
  if (blocks.length === 0) {
    const t = (result.textContent ?? '').trim();
    if (t)
      blocks.push(
        ...t
          .split(/\n\s*\n/)
          .map((b) => b.replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      );
  }
  const title = (result.title ?? '').trim();
  return {
    title,
    text: [title, ...blocks].join('\n\n'),
    byline: result.byline ?? null,
    siteName: result.siteName ?? null,
    published: result.publishedTime ?? null,
  };
}
