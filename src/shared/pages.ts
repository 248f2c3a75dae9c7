import browser from 'webextension-polyfill';

/** The compare view on up to two articles (`?a=ID&b=ID`); without `b` it picks another one. */
export function compareUrl(articles: readonly string[]): string {
  const query = new URLSearchParams();
  if (articles[0]) query.set('a', articles[0]);
  if (articles[1]) query.set('b', articles[1]);
  return browser.runtime.getURL(`/compare.html?${query}`);
}
