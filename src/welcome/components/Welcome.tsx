import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardData } from '../../cards/build-card';
import { datasetView, type DatasetView } from '../../cards/dataset-view';
import { resolveAmbiguous } from '../../matching';
import { loadBundledDataset } from '../../shared/dataset-source';
import { Group, Only } from '../../ui/coverage/Coverage';
import { t } from '../../shared/i18n';
import { MessageParts } from '../../ui/message-parts';
import { SHOWCASE } from '../../shared/showcase';

/** The sample: the first paragraphs of the showcase outlet's article, as a reader would see them. */
const SAMPLE_PARAGRAPHS = 4;

/** Text with mentions as buttons (built as nodes, never as HTML). */
function Marked({
  text,
  view,
  onPick,
}: {
  text: string;
  view: DatasetView;
  onPick(entity: string): void;
}) {
  const mentions = resolveAmbiguous(view.matcher().match(text));
  const parts: JSX.Element[] = [];
  let at = 0;
  for (const m of mentions) {
    if (m.start < at) continue;
    parts.push(<span key={`t${at}`}>{text.slice(at, m.start)}</span>);
    parts.push(
      <button
        type="button"
        key={`m${m.start}`}
        class="sample-mention"
        data-entity={m.entity}
        onClick={() => onPick(m.entity)}
        onMouseEnter={() => onPick(m.entity)}
        onFocus={() => onPick(m.entity)}
      >
        {text.slice(m.start, m.end)}
      </button>,
    );
    at = m.end;
  }
  parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <>{parts}</>;
}

/** First-run page: what Counterpoint does, shown on a sample article with the real card data. */
export function Welcome() {
  const [view, setView] = useState<DatasetView | null>(null);
  const [entity, setEntity] = useState<string | null>(null);
  // The bundled dataset read as the background reads it: the same matcher and cards.
  useEffect(() => void loadBundledDataset().then((d) => setView(datasetView(d))), []);
  const card: CardData | null = useMemo(
    () => (view && entity ? view.card(entity) : null),
    [view, entity],
  );
  const articles = view?.dataset.articles;
  const sample = articles?.find((a) => a.outlet === SHOWCASE.sampleOutlet) ?? articles?.[0];

  return (
    <main class="page welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>
        <MessageParts msg="welcomeIntro" parts={[<kbd key="keys">{t('defaultShortcut')}</kbd>]} />
      </p>
      <p class="muted">{t('welcomePrivacy')}</p>
      <h2>{t('trySample')}</h2>
      {!sample || !view ? (
        <p class="muted">{t('loadingSample')}</p>
      ) : (
        <div class="sample">
          <article class="sample__article" data-testid="sample">
            <h3>{sample.title}</h3>
            {sample.paragraphs.slice(0, SAMPLE_PARAGRAPHS).map((p, i) => (
              <p key={i}>
                <Marked text={p} view={view} onPick={setEntity} />
              </p>
            ))}
          </article>
          <aside class="sample__card" aria-live="polite" data-testid="sample-card">
            {!card && <p class="muted">{t('pointAtName')}</p>}
            {card && (
              <>
                <h3>{card.name}</h3>
                {card.kind === 'person' && <p class="muted">{card.role}</p>}
                {card.groups.slice(0, 2).map((g) => (
                  <Group key={g.coverage} group={g} highlighted={false} />
                ))}
                {card.onlyIn.slice(0, 2).map((o) => (
                  <Only key={o.outlet.id} only={o} />
                ))}
              </>
            )}
          </aside>
        </div>
      )}
      <h2>{t('welcomeNext')}</h2>
      <ul>
        <li>{t('welcomeToolbar')}</li>
        <li>{t('welcomeAdd')}</li>
      </ul>
    </main>
  );
}
