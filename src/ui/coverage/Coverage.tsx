import type { CardGroup, CardRow, CardVersion, OnlyIn } from '../../cards/build-card';
import type { DiffPart } from '../../dataset/types';

const COUNTRY_NAMES: Record<string, string> = {
  RU: 'Russia',
  US: 'United States',
  FR: 'France',
  KP: 'North Korea',
  KR: 'South Korea',
  GB: 'United Kingdom',
  CN: 'China',
  JP: 'Japan',
  DE: 'Germany',
};

/** A country's name from its ISO code, for people. */
export const country = (code: string | null) => (code ? (COUNTRY_NAMES[code] ?? code) : null);

/** A short, localised date from an ISO date or date-time. */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A wording with the words it does not share with the most common wording marked. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : (
          <mark key={i} class="diff diff--own" title="Not in the most common wording">
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}

/** Where one version appeared: outlet, its country and ownership, date and link. */
function Source({ version }: { version: CardVersion }) {
  const { outlet, article } = version;
  const about = [country(outlet.country), outlet.ownership].filter(Boolean).join(', ');
  const date = formatDate(article.published);
  return (
    <li class="source" data-outlet={outlet.id}>
      <strong class="outlet">{outlet.name}</strong>
      {about && <span class="outlet-about"> ({about})</span>}
      {date && <span class="date"> · {date}</span>}
      {article.url && (
        <>
          {' · '}
          <a href={article.url} target="_blank" rel="noopener noreferrer" title={article.title}>
            article
          </a>
        </>
      )}
    </li>
  );
}

const KIND: Record<string, string> = { quote: 'Quote', paraphrase: 'Paraphrase' };

/** One wording and every outlet that carried it word for word. */
export function Row({ row, many }: { row: CardRow; many: boolean }) {
  const first = row.versions[0]!.statement;
  const channel = row.versions.map((v) => v.statement.channel).find(Boolean);
  return (
    <figure
      class={`version${row.page ? ' version--page' : ''}`}
      data-outlet={row.versions[0]!.outlet.id}
      data-versions={row.versions.length}
    >
      <figcaption>
        <ul class="sources">
          {row.versions.map((v) => (
            <Source key={v.statement.id} version={v} />
          ))}
        </ul>
      </figcaption>
      <span class={`kind kind--${first.kind}`}>{KIND[first.kind]}</span>
      {row.common && many && <span class="kind kind--common">Most common wording</span>}
      {row.part && <span class="kind kind--common">Another part of the remark</span>}
      {row.page && (
        <span class="kind kind--page" data-testid="page-row">
          {row.versions.some((v) => v.outlet.id === 'page') ? 'This page' : 'This page quotes it'}
        </span>
      )}
      <blockquote class="text">
        <DiffText parts={row.parts} />
      </blockquote>
      {channel && <p class="channel">{channel}</p>}
    </figure>
  );
}

/** Rows shown before the rest collapse behind "N more versions". */
const SHOWN = 4;

/**
 * One utterance with every outlet's wording: identical wordings share a row, the others mark
 * what differs from the most common one; long groups collapse behind "N more versions".
 */
export function Group({ group, highlighted }: { group: CardGroup; highlighted: boolean }) {
  const many = group.rows.length > 1;
  // The page's row is always in view.
  const pageAt = group.rows.findIndex((r) => r.page);
  const order =
    pageAt >= SHOWN ? [...group.rows.slice(0, SHOWN - 1), group.rows[pageAt]!] : group.rows;
  const shown = order.slice(0, SHOWN);
  const rest = group.rows.filter((r) => !shown.includes(r));
  const hidden = rest.reduce((n, r) => n + r.versions.length, 0);
  const wordings = group.rows.filter((r) => !r.versions.every((v) => v.outlet.id === 'page'));
  return (
    <section
      class={highlighted ? 'group group--page' : 'group'}
      data-coverage={group.coverage}
      aria-label={`${group.outlets} outlets, ${wordings.length} wordings`}
    >
      <p class="group-head">
        {group.outlets} outlets · {wordings.length} {wordings.length === 1 ? 'wording' : 'wordings'}
      </p>
      <div class="versions">
        {shown.map((r) => (
          <Row key={r.versions[0]!.statement.id} row={r} many={many} />
        ))}
      </div>
      {rest.length > 0 && (
        <details class="more">
          <summary>
            {hidden} more {hidden === 1 ? 'version' : 'versions'}
          </summary>
          <div class="versions">
            {rest.map((r) => (
              <Row key={r.versions[0]!.statement.id} row={r} many={many} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}

/** What one outlet alone carried, of how many compared. */
export function Only({ only }: { only: OnlyIn }) {
  return (
    <section class="only" data-outlet={only.outlet.id}>
      <h3>
        Only in {only.outlet.name}{' '}
        <span class="muted">
          — of {only.of} {only.of === 1 ? 'outlet' : 'outlets'}
        </span>
      </h3>
      <ul>
        {only.versions.map((v) => (
          <li key={v.statement.id}>
            <span class={`kind kind--${v.statement.kind}`}>{KIND[v.statement.kind]}</span>{' '}
            {v.statement.kind === 'quote' ? `“${v.statement.text}”` : v.statement.text}
            {v.statement.channel && <span class="channel"> — {v.statement.channel}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
