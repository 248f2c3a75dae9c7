import type { CardData } from '../../cards/build-card';
import { languageMismatch } from '../../cards/languages';
import { formatDate, languageName, listOf, regionName, t } from '../../shared/i18n';
import { Group, Only } from '../../ui/coverage/Coverage';

export interface CardProps {
  /** The mention's name, known before the card's data arrives. */
  name: string | null;
  data: CardData | null;
  /** Set when the data could not be loaded. */
  error: string | null;
  pinned: boolean;
  onPin(): void;
  onClose(): void;
  onCompare(articles: string[]): void;
}

/** The hover card: who a person (or the event) is and how each outlet reported them. */
export function Card({ name: known, data, error, pinned, onPin, onClose, onCompare }: CardProps) {
  const name = data?.name ?? known ?? t('extName');
  const pageCoverage = data?.page?.coverage ?? null;
  const groups = data
    ? [...data.groups].sort(
        (a, b) => Number(b.coverage === pageCoverage) - Number(a.coverage === pageCoverage),
      )
    : [];
  const mismatch = data
    ? languageMismatch(document.documentElement.lang, data.languages ?? [])
    : null;
  const language = mismatch
    ? t(
        'pageLanguageNote',
        languageName(mismatch.page),
        listOf(mismatch.statements.map(languageName)),
      )
    : null;
  return (
    <div class="card" role="dialog" aria-label={name} tabIndex={-1}>
      <header class="head">
        <div>
          <h2 class="name">{name}</h2>
          {data?.kind === 'person' && (
            <p class="role">{[data.role, regionName(data.country)].filter(Boolean).join(' · ')}</p>
          )}
          {data?.kind === 'event' && (
            <p class="role">{[formatDate(data.date), data.place].filter(Boolean).join(' · ')}</p>
          )}
        </div>
        <div class="actions">
          <button
            type="button"
            class="icon-button"
            aria-pressed={pinned}
            title={pinned ? t('unpinCard') : t('pinCard')}
            onClick={onPin}
          >
            {pinned ? t('pinned') : t('pin')}
          </button>
          <button type="button" class="icon-button" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      {language && (
        <p class="page-note" data-testid="page-language">
          {language}
        </p>
      )}
      {error && <p class="muted">{error}</p>}
      {!data && !error && <p class="muted">{t('loading')}</p>}
      {data?.kind === 'event' && <p class="about">{data.description}</p>}
      {data?.kind === 'event' && data.speakers.length > 0 && (
        <p class="speakers">
          {t('spokeAboutIt')}{' '}
          {data.speakers.map((s, i) => (
            <span key={s.id}>
              {i > 0 && '; '}
              {s.name} <span class="muted">({s.outlets.join(', ')})</span>
            </span>
          ))}
        </p>
      )}
      {data?.page && (
        <p class="page-note" data-testid="page-version">
          {data.page.text && pageCoverage
            ? t('pageOwnWording')
            : pageCoverage
              ? t('pageQuotesVersion')
              : t('pageQuotesExclusive')}
        </p>
      )}
      {groups.length > 0 && (
        <section class="groups">
          <h3>{t('howOutletsReported')}</h3>
          {groups.map((g) => (
            <Group key={g.coverage} group={g} highlighted={g.coverage === pageCoverage} />
          ))}
        </section>
      )}
      {data?.onlyIn.map((o) => (
        <Only key={o.outlet.id} only={o} />
      ))}
      {data && data.groups.length === 0 && data.onlyIn.length === 0 && (
        <p class="muted">{t('noStatementsYet')}</p>
      )}
      {data && data.articles.length >= 2 && (
        <footer class="foot">
          <button type="button" class="link-button" onClick={() => onCompare(data.articles)}>
            {t('compareSideBySide')}
          </button>
        </footer>
      )}
    </div>
  );
}
