import { useEffect, useState } from 'preact/hooks';
import type { StatementDetail } from '../../shared/protocol';
import { Group, Only, Row } from '../../ui/coverage/Coverage';
import { t } from '../../shared/i18n';

export interface StatementViewProps {
  id: string;
  load(id: string): Promise<StatementDetail | null>;
  onBack(): void;
  onCompare(articles: string[]): void;
}

/** A statement with how each outlet reported it, or what only its outlet carried. */
export function StatementView({ id, load, onBack, onCompare }: StatementViewProps) {
  // 'failed': the background could not answer, unlike null (it answered: no such statement).
  const [detail, setDetail] = useState<StatementDetail | null | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let current = true;
    load(id).then(
      (d) => current && setDetail(d),
      () => current && setDetail('failed'),
    );
    return () => {
      current = false;
    };
  }, [id, load]);

  return (
    <section class="detail" aria-label={t('statementLabel')} data-testid="statement-detail">
      <button
        type="button"
        class="link-button"
        onClick={onBack}
        onKeyDown={(e) => e.key === 'Escape' && onBack()}
        ref={(b) => b?.focus()}
      >
        {t('backToResults')}
      </button>
      {detail === 'loading' && <p class="muted">{t('loading')}</p>}
      {detail === null && <p class="muted">{t('statementGone')}</p>}
      {detail === 'failed' && (
        <p class="muted" role="alert" data-testid="statement-failed">
          {t('statementLoadFailed')}
        </p>
      )}
      {detail !== null && detail !== 'loading' && detail !== 'failed' && (
        <>
          <h2 class="detail__who">{detail.speaker ?? t('unknownSpeaker')}</h2>
          {detail.group && <Group group={detail.group} highlighted={false} />}
          {detail.only && <Only only={detail.only} />}
          {detail.alone && (
            <>
              <div class="versions">
                <Row
                  row={{
                    versions: [detail.alone],
                    parts: [{ op: 'same', text: detail.alone.statement.text }],
                    common: false,
                    part: false,
                    page: false,
                  }}
                  many={false}
                />
              </div>
              <p class="muted small" data-testid="no-claim">
                {t('noClaim')}
              </p>
            </>
          )}
          {detail.articles.length > 0 && (
            <button
              type="button"
              class="link-button"
              data-testid="open-compare"
              onClick={() => onCompare(detail.articles)}
            >
              {t('compareArticles')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
