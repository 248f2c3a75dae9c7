import browser from 'webextension-polyfill';
import { buildCard, buildStatementDetail } from '../cards/build-card';
import { withLanguages } from '../cards/languages';
import { wordDiff } from '../diff/word-diff';
import { loadBundledDataset } from '../shared/dataset-source';
import { currentLibraryRevision } from '../shared/library-signal';
import { sendToTab } from '../shared/messaging';
import { compareUrl } from '../shared/pages';
import { bootFor, cachedBootSpec } from './boot-spec';
import { answerCardRequest } from './card-request';
import { DatasetService } from './dataset-service';
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
  installRouter({
    'content:boot': () =>
      cachedBootSpec(async () => bootFor(await loadBundledDataset(), (await data.get()).dataset)),
    'content:mentions': async ({ counts }, { tabId, frameId }) => {
      if (tabId !== null && frameId === 0) await tabState.set(tabId, counts);
      return null;
    },
    'card:get': (payload, { tabId }) =>
      answerCardRequest(
        {
          reported: (id) => tabState.get(id),
          build: async (entity, pageText) => {
            const { index } = await data.get();
            const card = buildCard(index, entity, wordDiff, pageText);
            return card && withLanguages(index, card);
          },
        },
        payload,
        tabId,
      ),
    'compare:open': async ({ articles }) => {
      await browser.tabs.create({ url: compareUrl(articles) });
      return null;
    },
    'search:query': ({ query, limit }) => search.search(query, limit),
    'statement:get': async ({ id }) => {
      const { index } = await data.get();
      const detail = buildStatementDetail(index, id, wordDiff);
      return detail ? { id, ...detail } : null;
    },
    'page:mentions': async ({ tabId }) => {
      const counts = await tabState.get(tabId);
      return counts ? { counts } : null;
    },
  });
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
