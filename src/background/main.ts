import browser from 'webextension-polyfill';
import { currentLibraryRevision } from '../shared/library-signal';
import { sendToTab } from '../shared/messaging';
import { DatasetService } from './dataset-service';
import { createHandlers } from './handlers';
import { installRouter } from './router';
import { t } from '../shared/i18n';
import { SearchService } from './search-service';
import { tabState } from './tab-state';

/** Wires the background: dataset, message router, per-tab state and badge, the shortcut. */
export function startBackground(): void {
  const data = new DatasetService();
  const search = new SearchService(
    async (revision) => (await data.get(revision)).dataset,
    currentLibraryRevision,
  );
  installRouter(createHandlers(data, search));
  installContextMenu();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void showWelcome();
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabState.forget(tabId));
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'next-mention') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (typeof tab?.id === 'number') {
        sendToTab(tab.id, 'tab:reveal', { entity: null }).catch(() => {});
      }
    });
  });
}

const ADD_MENU_ID = 'counterpoint-add-article';

/** "Add this article to Counterpoint" on a page's context menu. */
function installContextMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    void menus.removeAll().then(() =>
      menus.create({
        id: ADD_MENU_ID,
        title: t('contextMenuAddArticle'),
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_MENU_ID || typeof tab?.id !== 'number') return;
    void browser.tabs.create({ url: browser.runtime.getURL(`/add.html?tab=${tab.id}`) });
  });
}

/** The first-run page, for installs from a store; not for unpacked or temporary developer loads. */
async function showWelcome(): Promise<void> {
  const self = await browser.management?.getSelf().catch(() => null);
  if (!self || self.installType === 'development') return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
