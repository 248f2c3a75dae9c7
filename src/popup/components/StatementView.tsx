import { useEffect, useState } from 'preact/hooks';
import type { StatementDetail } from '../../shared/protocol';
import { Group, Only, Row } from '../../ui/coverage/Coverage';

export interface StatementViewProps {
  id: string;
  load(id: string): Promise<StatementDetail | null>;
  onBack(): void;
  onCompare(articles: string[]): void;
}

/** A statement with how each outlet reported it, or what only its outlet carried. */
export function StatementView({ id, load, onBack, onCompare }: StatementViewProps) {
  const [detail, setDetail] = useState<StatementDetail | null | 'loading'>('loading');
  useEffect(() => {
    let current = true;
    load(id).then(
      (d) => current && setDetail(d),
      () => current && setDetail(null),
    );
    return () => {
      current = false;
    };
  }, [id, load]);

  return (
    <section class="detail" aria-label="Statement" data-testid="statement-detail">
      <button
        type="button"
        class="link-button"
        onClick={onBack}
        onKeyDown={(e) => e.key === 'Escape' && onBack()}
        ref={(b) => b?.focus()}
      >
        ← Back to results
      </button>
      {detail === 'loading' && <p class="muted">Loading…</p>}
      {detail === null && <p class="muted">This statement is no longer in the dataset.</p>}
      {detail !== null && detail !== 'loading' && (
        <>
          <h2 class="detail__who">{detail.speaker ?? 'Unknown speaker'}</h2>
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
                No other outlet’s version was matched, yet it is not certain that only this outlet
                carried it (other outlets may word it too differently to match), so no “only in”
                claim is made.
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
              Compare the articles
            </button>
          )}
        </>
      )}
    </section>
  );
}
