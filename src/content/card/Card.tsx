import type { CardData } from '../../cards/build-card';
import { country, formatDate, Group, Only } from '../../ui/coverage/Coverage';

export interface CardProps {
  data: CardData | null;
  /** Set when the data could not be loaded. */
  error: string | null;
  pinned: boolean;
  onPin(): void;
  onClose(): void;
  onCompare(articles: string[]): void;
}

/** The hover card: who a person (or the event) is and how each outlet reported them. */
export function Card({ data, error, pinned, onPin, onClose, onCompare }: CardProps) {
  const name = data?.name ?? 'Counterpoint';
  const pageCoverage = data?.page?.coverage ?? null;
  const groups = data
    ? [...data.groups].sort(
        (a, b) => Number(b.coverage === pageCoverage) - Number(a.coverage === pageCoverage),
      )
    : [];
  return (
    <div class="card" role="dialog" aria-label={name} tabIndex={-1}>
      <header class="head">
        <div>
          <h2 class="name">{name}</h2>
          {data?.kind === 'person' && (
            <p class="role">{[data.role, country(data.country)].filter(Boolean).join(' · ')}</p>
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
            title={pinned ? 'Unpin' : 'Pin this card'}
            onClick={onPin}
          >
            {pinned ? 'Pinned' : 'Pin'}
          </button>
          <button type="button" class="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      {error && <p class="muted">{error}</p>}
      {!data && !error && <p class="muted">Loading…</p>}
      {data?.kind === 'event' && <p class="about">{data.description}</p>}
      {data?.kind === 'event' && data.speakers.length > 0 && (
        <p class="speakers">
          Spoke about it:{' '}
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
            ? 'This page words one of these remarks its own way: its version is marked below, beside the others.'
            : pageCoverage
              ? 'This page quotes one of these versions (marked below); see how the others worded it.'
              : 'This page quotes a statement only one outlet in the dataset carried.'}
        </p>
      )}
      {groups.length > 0 && (
        <section class="groups">
          <h3>How outlets reported the same words</h3>
          {groups.map((g) => (
            <Group key={g.coverage} group={g} highlighted={g.coverage === pageCoverage} />
          ))}
        </section>
      )}
      {data?.onlyIn.map((o) => (
        <Only key={o.outlet.id} only={o} />
      ))}
      {data && data.groups.length === 0 && data.onlyIn.length === 0 && (
        <p class="muted">No statements in the dataset yet.</p>
      )}
      {data && data.articles.length >= 2 && (
        <footer class="foot">
          <button type="button" class="link-button" onClick={() => onCompare(data.articles)}>
            Compare the articles side by side
          </button>
        </footer>
      )}
    </div>
  );
}
