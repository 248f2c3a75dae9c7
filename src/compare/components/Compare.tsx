import { useEffect, useMemo, useState } from 'preact/hooks';
import { alignArticles, counterpartOf } from '../../cards/align';
import { indexDataset, type DatasetIndex } from '../../cards/build-card';
import type { Article, Statement } from '../../dataset/types';
import { loadMergedDataset } from '../../library/merged-dataset';
import { formatDate, regionName, t } from '../../shared/i18n';

function StatementCell({ s, index }: { s: Statement | null; index: DatasetIndex }) {
  if (!s) return <td class="cell cell--empty" />;
  const speaker = s.speaker
    ? (index.people.get(s.speaker)?.name ?? s.speaker)
    : t('unknownSpeaker');
  return (
    <td class="cell">
      <div class="who">
        {speaker}
        <span class={`kind kind--${s.kind}`}>
          {s.kind === 'quote' ? t('kindQuote') : t('kindParaphrase')}
        </span>
      </div>
      <blockquote>{s.kind === 'quote' ? t('quoted', s.text) : s.text}</blockquote>
      {s.channel && <div class="muted">{s.channel}</div>}
    </td>
  );
}

function ArticleHead({ a, index }: { a: Article; index: DatasetIndex }) {
  const outlet = index.outlets.get(a.outlet);
  return (
    <th scope="col">
      <div class="outlet">{outlet?.name ?? a.outlet}</div>
      <div class="title">{a.title}</div>
      <div class="muted">
        {[regionName(outlet?.country), outlet?.ownership, formatDate(a.published)]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </th>
  );
}

/** Two articles on the same event, aligned statement by statement. */
export function Compare({ left, right }: { left: string | null; right: string | null }) {
  const [index, setIndex] = useState<DatasetIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState({ left, right });

  useEffect(() => {
    // Either side may be a library article.
    loadMergedDataset().then(
      (d) => setIndex(indexDataset(d)),
      (e: unknown) => setError(String(e)),
    );
  }, []);

  const articles = index?.dataset.articles ?? [];
  const a = picked.left ? index?.articles.get(picked.left) : articles[0];
  const other = index && a ? counterpartOf(index.dataset, a.id) : null;
  const b = index?.articles.get(picked.right ?? other ?? '');
  const rows = useMemo(
    () => (index && a && b ? alignArticles(index, a.id, b.id) : []),
    [index, a, b],
  );

  if (error)
    return (
      <main class="page">
        <p role="alert">{t('couldNotLoadDataset', error)}</p>
      </main>
    );
  if (!index)
    return (
      <main class="page">
        <p class="muted">{t('loading')}</p>
      </main>
    );

  const chooser = (side: 'left' | 'right', value: string | undefined) => (
    <label>
      {side === 'left' ? t('compareLeft') : t('compareRight')}{' '}
      <select
        value={value}
        onChange={(e) => setPicked({ ...picked, [side]: (e.target as HTMLSelectElement).value })}
      >
        {articles.map((x) => (
          <option key={x.id} value={x.id}>
            {(index.outlets.get(x.outlet)?.name ?? x.outlet) + ': ' + x.title}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <main class="page">
      <h1>{t('compareTitle')}</h1>
      <div class="choosers">
        {chooser('left', a?.id)}
        {chooser('right', b?.id)}
      </div>
      {a && b ? (
        <table class="compare" data-testid="compare">
          <thead>
            <tr>
              <ArticleHead a={a} index={index} />
              <ArticleHead a={b} index={index} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} class={r.coverage ? 'row row--linked' : 'row'}>
                <StatementCell s={r.left} index={index} />
                <StatementCell s={r.right} index={index} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('chooseTwoArticles')}</p>
      )}
    </main>
  );
}
