import browser from 'webextension-polyfill';

/**
 * The tab the popup is about: the active tab of the current window, or the tab named by
 * `?tab=ID` when the popup page is opened on its own (keyboard users, tests).
 */
export async function resolveTargetTab(search: string = location.search): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}
