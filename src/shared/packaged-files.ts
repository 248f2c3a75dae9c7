/**
 * The hover card's module, imported by the content script on first use. A constant of its own:
 * the minifier inlines a constant, but not one property of an object (the whole object went
 * into the content script).
 */
export const CARD_MODULE_FILE = 'content-scripts/card.js';

/**
 * Files the build writes into the extension and the code that reads them: one name each, so
 * the build (wxt.config.ts, scripts/lib), the extension and the bench cannot drift apart.
 * Paths are relative to the extension's root; `runtime.getURL` takes them with a leading `/`.
 */
export const PACKAGED = {
  /** The bundled dataset (`npm run dataset`'s output). */
  dataset: 'data/dataset.json',
  /** The search index of the bundled dataset, prepared at build time. */
  searchIndex: 'data/search-index.json',
  cardModule: CARD_MODULE_FILE,
  /** Highlight styles, added to the content script's manifest entry. */
  highlightCss: 'content-scripts/highlight.css',
} as const;

/** Name of the element that hosts our UI's shadow root in a page. */
export const UI_HOST_NAME = 'counterpoint-ui';
