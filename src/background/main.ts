import browser from 'webextension-polyfill';
import { installRouter } from './router';
import { tabState } from './tab-state';

/** Wires the background: message router, per-tab state, badge. */
export function startBackground(): void {
  installRouter({
    'content:boot': () => ({ enabled: true }),
    'content:mentions': async ({ counts }, { tabId, frameId }) => {
      if (tabId !== null && frameId === 0) await tabState.set(tabId, counts);
      return null;
    },
    'page:mentions': async ({ tabId }) => {
      const counts = await tabState.get(tabId);
      return counts ? { counts } : null;
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabState.forget(tabId));
}
