import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t, type MessageKey } from '../../shared/i18n';
import { MessageParts } from '../../ui/message-parts';
import { SHOWCASE } from '../../shared/showcase';

/** A result as the popup shows it: what it is, its text, and the matched ranges to mark. */
export interface ResultView {
  kind: ResultKind;
  id: string;
  title: string;
  /** Ranges [start, end) of `title` to mark as matched. */
  marks: [number, number][];
  detail: string | null;
}

export type ResultKind = 'person' | 'statement' | 'article' | 'outlet' | 'event';

const KIND_LABELS: Record<ResultKind, MessageKey> = {
  person: /* i18n */ 'kindPeople',
  event: /* i18n */ 'kindEvents',
  statement: /* i18n */ 'kindStatements',
  article: /* i18n */ 'kindArticles',
  outlet: /* i18n */ 'kindOutlets',
};
const KIND_ORDER: ResultKind[] = ['person', 'event', 'statement', 'article', 'outlet'];

/** `text` with the ranges in `marks` wrapped in <mark>, built as nodes (never as HTML). */
export function Marked({ text, marks }: { text: string; marks: [number, number][] }) {
  const parts: JSX.Element[] = [];
  let at = 0;
  const sorted = [...marks].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) parts.push(<span key={`t${at}`}>{text.slice(at, start)}</span>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <>{parts}</>;
}

export interface SearchPanelProps {
  /** Runs a query (in the background, where the index stays loaded). */
  search: (query: string) => Promise<ResultView[]>;
  /** Opens a result; a returned string becomes the new query. */
  onOpen(result: ResultView): string | void;
  /** Esc on an empty query: close the popup. */
  onEscapeEmpty(): void;
}

/** Search box with results grouped by kind; arrows move, Enter opens, Esc clears. */
export function SearchPanel({ search, onOpen, onEscapeEmpty }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<ResultView[]>([]);
  const [state, setState] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (!query.trim()) {
      setResults([]);
      setState('idle');
      return;
    }
    // Only the answer to the latest keystroke is shown.
    let current = true;
    setState((s) => (s === 'done' ? s : 'searching'));
    search(query).then(
      (r) => {
        if (!current) return;
        setResults(r);
        setState('done');
      },
      () => current && setState('failed'),
    );
    return () => {
      current = false;
    };
  }, [search, query]);
  const ordered = useMemo(
    () => KIND_ORDER.flatMap((k) => results.filter((r) => r.kind === k)),
    [results],
  );
  useEffect(() => setActive(0), [query]);

  const openResult = (r: ResultView) => {
    const next = onOpen(r);
    if (typeof next === 'string') setQuery(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, ordered.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      // Otherwise the key's activation lands on whatever the result moves focus to.
      e.preventDefault();
      const r = ordered[active];
      if (r) openResult(r);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query) setQuery('');
      else onEscapeEmpty();
    }
  };

  const optionId = (i: number) => `result-${i}`;
  let index = -1;
  return (
    <section class="search" aria-label={t('searchLabel')}>
      <input
        ref={input}
        type="search"
        class="search__input"
        data-testid="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchInputLabel')}
        role="combobox"
        aria-expanded={ordered.length > 0}
        aria-controls="results"
        aria-activedescendant={ordered.length ? optionId(active) : undefined}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      {!query.trim() && (
        <p class="muted small suggestions">
          <MessageParts
            msg="searchTry"
            parts={[
              SHOWCASE.suggestions.map((s, i) => (
                <span key={s}>
                  {i > 0 && ', '}
                  <button type="button" class="suggestion" onClick={() => setQuery(s)}>
                    {s}
                  </button>
                </span>
              )),
            ]}
          />
        </p>
      )}
      {state === 'searching' && <p class="muted small">{t('searching')}</p>}
      {state === 'failed' && (
        <p class="muted small" role="alert">
          {t('searchUnavailable')}
        </p>
      )}
      {state === 'done' && ordered.length === 0 && (
        <p class="muted small" data-testid="no-results">
          {t('nothingFound', query)}
        </p>
      )}
      <div id="results" role="listbox" aria-label={t('resultsLabel')} data-testid="results">
        {KIND_ORDER.map((kind) => {
          const group = ordered.filter((r) => r.kind === kind);
          if (group.length === 0) return null;
          return (
            <div key={kind} role="group" aria-label={t(KIND_LABELS[kind])} class="results__group">
              {/* Seen, not read out: the group's label says it, and a listbox holds only options. */}
              <h3 class="results__kind" aria-hidden="true">
                {t(KIND_LABELS[kind])}
              </h3>
              {group.map((r) => {
                index++;
                const i = index;
                return (
                  <div
                    key={`${r.kind}:${r.id}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    class={i === active ? 'result result--active' : 'result'}
                    data-kind={r.kind}
                    data-id={r.id}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => openResult(r)}
                  >
                    <div class="result__title">
                      <Marked text={r.title} marks={r.marks} />
                    </div>
                    {r.detail && <div class="result__detail muted small">{r.detail}</div>}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </section>
  );
}
