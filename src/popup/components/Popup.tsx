import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { MentionCount } from '../../shared/protocol';
import { sendToBackground, sendToTab } from '../../shared/messaging';
import { compareUrl } from '../../shared/pages';
import { resolveTargetTab } from '../target-tab';
import { OnThisPage } from './OnThisPage';
import { SearchPanel, type ResultView } from './SearchPanel';
import { SiteSwitch } from './SiteSwitch';
import { StatementView } from './StatementView';
import { t } from '../../shared/i18n';

const runSearch = (query: string) => sendToBackground('search:query', { query, limit: 40 });
const loadStatement = (id: string) => sendToBackground('statement:get', { id });
const inPopupWindow = () => !new URLSearchParams(location.search).has('tab');

async function openAddArticle(tabId: number) {
  await browser.tabs.create({ url: browser.runtime.getURL(`/add.html?tab=${tabId}`) });
  if (inPopupWindow()) window.close();
}

async function openCompare(articles: readonly string[]) {
  await browser.tabs.create({ url: compareUrl(articles) });
  if (inPopupWindow()) window.close();
}

type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; tabId: number; host: string; counts: MentionCount[] };

/** The toolbar popup: search, the current page's mentions, and the site switch. */
export function Popup() {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [statement, setStatement] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    void (async () => {
      const tabId = await resolveTargetTab();
      if (tabId === null) return setPage({ status: 'unavailable' });
      const refresh = async () => {
        try {
          const reply = await sendToTab(tabId, 'tab:ping', {});
          if (!cancelled)
            setPage({ status: 'ready', tabId, host: reply.host, counts: reply.counts });
        } catch {
          // No content script there: a browser page, the store, or a page loaded before install.
          if (!cancelled) setPage({ status: 'unavailable' });
        }
      };
      await refresh();
      // The page may still be scanning, or the site switch just changed: keep the list live.
      timer = setInterval(() => void refresh(), 1000);
    })();
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  const reveal = async (entity: string) => {
    if (page.status !== 'ready') return;
    await sendToTab(page.tabId, 'tab:reveal', { entity });
    // In the real popup, get out of the way of the card; a popup opened as a page stays.
    if (inPopupWindow()) window.close();
  };

  /** Opens a result; returns a new query when the answer is another search. */
  const open = (r: ResultView): string | void => {
    if (r.kind === 'statement') return setStatement(r.id);
    if (r.kind === 'article') return void openCompare([r.id]);
    if (page.status === 'ready' && page.counts.some((c) => c.entity === r.id)) {
      // A person or the event on this page: show it there, with its card.
      return void reveal(r.id);
    }
    // Elsewhere: what they said (statements find their speaker's and outlet's names).
    return r.title;
  };

  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
        <button
          type="button"
          class="link-button"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('settingsLink')}
        </button>
      </header>
      {statement && (
        <StatementView
          id={statement}
          load={loadStatement}
          onBack={() => {
            setStatement(null);
            document.querySelector<HTMLInputElement>('.search__input')?.focus();
          }}
          onCompare={(a) => void openCompare(a)}
        />
      )}
      {/* Hidden, not unmounted, so Back returns to the same query and results. */}
      <div hidden={statement !== null}>
        <SearchPanel
          search={runSearch}
          onOpen={open}
          onEscapeEmpty={() => inPopupWindow() && window.close()}
        />
      </div>
      <SiteSwitch host={page.status === 'ready' ? page.host : null} />
      <section class="popup__section" aria-labelledby="on-this-page">
        <h2 id="on-this-page">{t('onThisPage')}</h2>
        {page.status === 'loading' && <p class="muted">{t('looking')}</p>}
        {page.status === 'unavailable' && (
          <p class="muted" data-testid="page-unavailable">
            {t('pageUnavailable')}
          </p>
        )}
        {page.status === 'ready' && (
          <>
            <p class="muted small" data-testid="page-host">
              {page.host}
            </p>
            <OnThisPage counts={page.counts} onReveal={(e) => void reveal(e)} />
            <button
              type="button"
              class="link-button add-article"
              data-testid="add-article"
              onClick={() => void openAddArticle(page.tabId)}
            >
              {t('addArticleButton')}
            </button>
          </>
        )}
      </section>
    </main>
  );
}
