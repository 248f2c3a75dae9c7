import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { Library } from '../../library/library';
import { ImportError, parseLibraryFile } from '../../library/import-file';
import type { LibraryEntry } from '../../library/types';
import { loadBundledDataset } from '../../shared/dataset-source';
import { compareUrl } from '../../shared/pages';
import { bumpLibraryRevision, watchLibraryRevision } from '../../shared/library-signal';
import { formatDate, t, tCount } from '../../shared/i18n';

/** The reader's articles: list, filter, open, delete; export and import as a dataset file. */
export function LibraryManager() {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  const reload = () => void Library.use((l) => l.list()).then(setEntries);
  useEffect(() => {
    reload();
    return watchLibraryRevision(reload);
  }, []);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (entries ?? []).filter(
      (e) => !q || `${e.article.title} ${e.article.url ?? ''}`.toLowerCase().includes(q),
    );
  }, [entries, filter]);

  const changed = async (text: string) => {
    await bumpLibraryRevision();
    setMessage({ kind: 'ok', text });
    reload();
  };

  const exportAll = async () => {
    const bundled = await loadBundledDataset();
    const data = await Library.use((l) => l.export(bundled));
    const url = URL.createObjectURL(
      new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `counterpoint-library-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ kind: 'ok', text: tCount('exported', data.articles.length) });
  };

  const importFile = async (file: File) => {
    try {
      const bundled = await loadBundledDataset();
      const known = [...bundled.outlets, ...(entries ?? []).flatMap((e) => e.outlets)];
      const dataset = parseLibraryFile(file.name, await file.text(), known);
      const { added, skipped } = await Library.use((l) => l.import(dataset));
      await changed(
        [tCount('imported', added), skipped ? tCount('importSkipped', skipped) : '']
          .filter(Boolean)
          .join(' '),
      );
    } catch (error) {
      const text =
        error instanceof ImportError ? importErrorText(error) : `${file.name}: ${String(error)}`;
      setMessage({ kind: 'error', text: t('libraryNotChanged', text) });
    }
  };

  const open = (e: LibraryEntry) =>
    void browser.tabs.create({
      url: e.article.url ?? compareUrl([e.id]),
    });

  return (
    <section aria-labelledby="library-heading" class="library" data-testid="library">
      <h2 id="library-heading">{t('yourLibrary')}</h2>
      <p class="muted small">{t('libraryIntro')}</p>
      <div class="library__actions">
        <input
          type="search"
          placeholder={t('filterArticles')}
          aria-label={t('filterArticles')}
          value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="link-button"
          data-testid="export"
          onClick={() => void exportAll()}
        >
          {t('exportButton')}
        </button>
        <label class="link-button">
          {t('importButton')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import"
            hidden
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        {confirmClear ? (
          <button
            type="button"
            class="link-button"
            data-testid="clear-confirm"
            onClick={() => {
              setConfirmClear(false);
              void Library.use((l) => l.clear()).then(() => changed(t('libraryCleared')));
            }}
          >
            {tCount('confirmClear', entries?.length ?? 0)}
          </button>
        ) : (
          <button
            type="button"
            class="link-button"
            data-testid="clear"
            disabled={!entries?.length}
            onClick={() => setConfirmClear(true)}
          >
            {t('clearLibrary')}
          </button>
        )}
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid={`library-${message.kind}`}
        >
          {message.text}
        </p>
      )}
      {entries === null && <p class="muted">{t('loading')}</p>}
      {entries?.length === 0 && (
        <p class="muted" data-testid="library-empty">
          {t('libraryEmpty')}
        </p>
      )}
      <ul class="library-list" data-testid="library-list">
        {shown.map((e) => (
          <li key={e.id} data-id={e.id}>
            <div>
              <div class="title">{e.article.title}</div>
              <div class="muted small">
                {[
                  e.outlets[0]?.name ?? e.article.outlet,
                  formatDate(e.article.published),
                  tCount('statements', e.statements.length),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </div>
            <div>
              <button type="button" class="link-button" onClick={() => open(e)}>
                {t('open')}
              </button>{' '}
              <button
                type="button"
                class="link-button"
                aria-label={t('deleteArticle', e.article.title)}
                onClick={() =>
                  void Library.use((l) => l.delete(e.id)).then(() =>
                    changed(t('deletedArticle', e.article.title)),
                  )
                }
              >
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An import problem in the reader's language, naming the file (and line). */
function importErrorText({ file, problem: p }: ImportError): string {
  switch (p.kind) {
    case 'tooLarge':
      return t('importProblemTooLarge', file);
    case 'notJson':
      return p.line
        ? t('importProblemNotJsonLine', file, p.line, p.detail)
        : t('importProblemNotJson', file, p.detail);
    case 'notLibrary':
      return t('importProblemNotLibrary', file, p.detail);
    case 'outletConflict':
      return t('importProblemOutlet', file, p.outlet, p.field, p.known, p.given);
  }
}
