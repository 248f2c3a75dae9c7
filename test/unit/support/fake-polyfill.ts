import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Stands in for `webextension-polyfill` in unit tests (aliased in `vitest.config.ts`): WXT's fake
 * browser, the same object `wxt/browser` and the global `browser` are there, so code written
 * against either import sees one state.
 */
export default fakeBrowser;
