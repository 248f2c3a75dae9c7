import { useEffect, useState } from 'preact/hooks';
import type { MentionCount } from '../../shared/protocol';
import { sendToTab } from '../../shared/messaging';
import { resolveTargetTab } from '../target-tab';

type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; host: string; counts: MentionCount[] };

/** The toolbar popup: the current page's mentions. */
export function Popup() {
  const [page, setPage] = useState<PageState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const tabId = await resolveTargetTab();
      if (tabId === null) return setPage({ status: 'unavailable' });
      try {
        const reply = await sendToTab(tabId, 'tab:ping', {});
        if (!cancelled) setPage({ status: 'ready', host: reply.host, counts: reply.counts });
      } catch {
        // No content script there: a browser page, the store, or a page loaded before install.
        if (!cancelled) setPage({ status: 'unavailable' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Counterpoint</h1>
      </header>
      <section class="popup__section" aria-labelledby="on-this-page">
        <h2 id="on-this-page">On this page</h2>
        {page.status === 'loading' && <p class="muted">Looking…</p>}
        {page.status === 'unavailable' && (
          <p class="muted" data-testid="page-unavailable">
            Counterpoint does not run on this page.
          </p>
        )}
        {page.status === 'ready' && (
          <>
            <p class="muted" data-testid="page-host">
              {page.host}
            </p>
            {page.counts.length === 0 ? (
              <p class="muted" data-testid="no-mentions">
                No people or events from the dataset here.
              </p>
            ) : (
              <ul class="mentions" data-testid="mentions">
                {page.counts.map((c) => (
                  <li key={c.entity}>
                    <span>{c.name}</span> <span class="count">{c.count}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </main>
  );
}
