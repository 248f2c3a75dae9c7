import { useEffect, useMemo, useState } from 'preact/hooks';
import { Library } from '../../library/library';
import { entryFromReview } from '../../library/review';
import { bumpLibraryRevision } from '../../shared/library-signal';
import { AddError, draftFromTab, type Draft } from '../read-page';
import { PipelineStopped } from '../run-pipeline';
import { t, tCount, uiLanguage } from '../../shared/i18n';

type State =
  | { status: 'reading'; progress: number }
  | { status: 'failed'; message: string }
  | { status: 'review'; draft: Draft }
  | { status: 'saved'; title: string; statements: number };

/** "Add this article": read the tab, show what was found, let the reader correct it, save. */
export function AddArticle({ tabId }: { tabId: number | null }) {
  const [state, setState] = useState<State>({ status: 'reading', progress: 0 });
  const [stopper] = useState(() => new AbortController());
  useEffect(() => {
    if (tabId === null) {
      setState({ status: 'failed', message: t('addOpenFromPopup') });
      return;
    }
    draftFromTab(tabId, {
      signal: stopper.signal,
      onProgress: (progress) => setState({ status: 'reading', progress }),
    }).then(
      (draft) => setState({ status: 'review', draft }),
      (error: unknown) =>
        setState({
          status: 'failed',
          message:
            error instanceof PipelineStopped
              ? t('addStopped')
              : error instanceof AddError
                ? error.message
                : t('addCouldNotRead', String(error)),
        }),
    );
    return () => stopper.abort();
  }, [tabId, stopper]);

  return (
    <main class="page add">
      <h1>{t('addTitle')}</h1>
      {state.status === 'reading' && (
        <p class="muted" data-testid="reading">
          {state.progress > 0 ? t('findingStatements') : t('readingArticle')}{' '}
          <progress max={1} value={state.progress} aria-label={t('progressLabel')} />{' '}
          <button type="button" data-testid="stop" onClick={() => stopper.abort()}>
            {t('stop')}
          </button>
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert" data-testid="add-error">
          {state.message}
        </p>
      )}
      {state.status === 'review' && (
        <Review
          draft={state.draft}
          onSaved={(title, statements) => setState({ status: 'saved', title, statements })}
        />
      )}
      {state.status === 'saved' && (
        <p data-testid="saved" role="status">
          {t(
            state.statements === 1 ? /* i18n */ 'savedArticleOne' : /* i18n */ 'savedArticleOther',
            state.title,
            state.statements.toLocaleString(uiLanguage()),
          )}
        </p>
      )}
    </main>
  );
}

function Review({
  draft,
  onSaved,
}: {
  draft: Draft;
  onSaved(title: string, statements: number): void;
}) {
  const { addition, dataset } = draft;
  const [title, setTitle] = useState(addition.article.title);
  const [published, setPublished] = useState(addition.article.published?.slice(0, 10) ?? '');
  const [outletName, setOutletName] = useState(draft.outlet.name);
  // The outlet the page was matched to, or another known one the reader picks.
  const [outletId, setOutletId] = useState(draft.outlet.id);
  const known = useMemo(
    () => [...dataset.outlets].sort((a, b) => a.name.localeCompare(b.name, uiLanguage())),
    [dataset],
  );
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [speakers, setSpeakers] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const people = useMemo(
    () =>
      [...dataset.people, ...addition.people]
        .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i)
        .sort((a, b) => a.name.localeCompare(b.name, uiLanguage())),
    [dataset, addition],
  );
  const linked = useMemo(() => new Set(addition.coverage.flatMap((c) => c.statements)), [addition]);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const isNew = draft.newOutlet && outletId === draft.outlet.id;
      const outlet = isNew
        ? { ...draft.outlet, name: outletName.trim() || draft.outlet.name }
        : (known.find((o) => o.id === outletId) ?? draft.outlet);
      const entry = entryFromReview(
        addition,
        {
          dropped,
          speakers,
          outlet,
          newOutlet: isNew,
          title,
          published: /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null,
        },
        Date.now(),
      );
      await Library.use((library) => library.put(entry));
      await bumpLibraryRevision();
      onSaved(entry.article.title, entry.statements.length);
    } catch (e) {
      setError(t('couldNotSave', String(e)));
      setSaving(false);
    }
  };

  return (
    <form
      class="review"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p class="muted small">{draft.page.url}</p>
      <div class="fields">
        <label>
          {t('fieldTitle')}
          <input value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('fieldOutlet')}
          <select
            data-testid="outlet-choice"
            value={outletId}
            onChange={(e) => setOutletId((e.target as HTMLSelectElement).value)}
          >
            {known.map((o) => (
              <option key={o.id} value={o.id}>
                {o.id === draft.outlet.id && draft.newOutlet
                  ? t('newOutletOption', outletName)
                  : o.name}
              </option>
            ))}
          </select>
        </label>
        {draft.newOutlet && outletId === draft.outlet.id && (
          <label>
            {t('newOutletName')}
            <input
              data-testid="outlet"
              value={outletName}
              onInput={(e) => setOutletName((e.target as HTMLInputElement).value)}
            />
          </label>
        )}
        <label>
          {t('fieldDate')}
          <input
            type="date"
            data-testid="published"
            value={published}
            onInput={(e) => setPublished((e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      <h2>
        {linked.size > 0
          ? t(
              'reportedElsewhere',
              tCount('statementsFound', addition.statements.length),
              addition.coverage.length,
            )
          : tCount('statementsFound', addition.statements.length)}
      </h2>
      {addition.statements.length === 0 && <p class="muted">{t('noStatementsFound')}</p>}
      <ol class="statements" data-testid="statements">
        {addition.statements.map((s) => {
          const speaker = s.id in speakers ? speakers[s.id] : s.speaker;
          return (
            <li
              key={s.id}
              class={dropped.has(s.id) ? 'statement statement--dropped' : 'statement'}
              data-id={s.id}
            >
              <label class="keep">
                <input
                  type="checkbox"
                  checked={!dropped.has(s.id)}
                  aria-label={t('keepStatement')}
                  onChange={(e) => {
                    const next = new Set(dropped);
                    if ((e.target as HTMLInputElement).checked) next.delete(s.id);
                    else next.add(s.id);
                    setDropped(next);
                  }}
                />
              </label>
              <div>
                <blockquote>{s.kind === 'quote' ? t('quoted', s.text) : s.text}</blockquote>
                <label class="small">
                  {t('fieldSpeaker')}{' '}
                  <select
                    value={speaker ?? ''}
                    onChange={(e) => {
                      const v = (e.target as HTMLSelectElement).value;
                      setSpeakers({ ...speakers, [s.id]: v || null });
                    }}
                  >
                    <option value="">{t('unknownOption')}</option>
                    {people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                {linked.has(s.id) && <span class="small muted"> {t('alsoReportedElsewhere')}</span>}
              </div>
            </li>
          );
        })}
      </ol>
      {error && <p role="alert">{error}</p>}
      <button type="submit" class="primary" data-testid="save" disabled={saving}>
        {t('saveToLibrary')}
      </button>
    </form>
  );
}
