import type { CardGroup, CardRow, CardVersion, OnlyIn } from '../../cards/build-card';
import { outletKind } from '../../cards/outlet-kind';
import type { DiffPart } from '../../dataset/types';
import { formatDate, regionName, t, tCount, type MessageKey } from '../../shared/i18n';

type CardOutlet = CardVersion['outlet'];

/** The outlet's name; the page's own version is "This page" in the UI language. */
const outletName = (o: CardOutlet) => (o.id === 'page' ? t('thisPage') : o.name);

const KIND_LABEL: Record<string, MessageKey> = {
  state: /* i18n */ 'outletKindState',
  public: /* i18n */ 'outletKindPublic',
  private: /* i18n */ 'outletKindPrivate',
};

/** The outlet's full profile in one line: name, country, ownership. */
function profile(o: CardOutlet): string {
  return [outletName(o), regionName(o.country), o.ownership].filter(Boolean).join(' — ');
}

/** A wording with the words it does not share with the most common wording marked. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : (
          <mark key={i} class="diff diff--own" title={t('diffOwnTitle')}>
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}

/**
 * Where one version appeared, compactly: "CNN · US · private · 24 May 2018 · article". The
 * outlet's full profile is its title (hover or focus) and listed once under the group.
 */
function Source({ version }: { version: CardVersion }) {
  const { outlet, article } = version;
  const kind = outletKind(outlet.ownership);
  const date = formatDate(article.published);
  return (
    <li class="source" data-outlet={outlet.id}>
      <strong class="outlet" title={profile(outlet)} tabIndex={0}>
        {outletName(outlet)}
      </strong>
      {outlet.country && <span class="outlet-country"> · {outlet.country}</span>}
      {kind && <span class="outlet-kind"> · {t(KIND_LABEL[kind]!)}</span>}
      {date && <span class="date"> · {date}</span>}
      {article.url && (
        <>
          {' · '}
          <a href={article.url} target="_blank" rel="noopener noreferrer" title={article.title}>
            {t('articleLink')}
          </a>
        </>
      )}
    </li>
  );
}

const KIND: Record<string, MessageKey> = {
  quote: /* i18n */ 'kindQuote',
  paraphrase: /* i18n */ 'kindParaphrase',
};

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
      <span class={`kind kind--${first.kind}`}>{t(KIND[first.kind] ?? 'kindQuote')}</span>
      {row.common && many && <span class="kind kind--common">{t('mostCommonWording')}</span>}
      {row.part && <span class="kind kind--common">{t('anotherPart')}</span>}
      {row.page && (
        <span class="kind kind--page" data-testid="page-row">
          {row.versions.some((v) => v.outlet.id === 'page') ? t('thisPage') : t('thisPageQuotes')}
        </span>
      )}
      <blockquote class="text">
        <DiffText parts={row.parts} />
      </blockquote>
      {channel && <p class="channel">{channel}</p>}
    </figure>
  );
}

/** Every outlet of a group once, with its full profile. */
function Profiles({ outlets }: { outlets: CardOutlet[] }) {
  return (
    <details class="profiles">
      <summary>{t('aboutOutlets')}</summary>
      <dl>
        {outlets.map((o) => (
          <div key={o.id} data-outlet={o.id}>
            <dt>{outletName(o)}</dt>
            <dd>{[regionName(o.country), o.ownership].filter(Boolean).join(' — ')}</dd>
          </div>
        ))}
      </dl>
    </details>
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
  const head = t(
    'groupHead',
    tCount('outletCount', group.outlets),
    tCount('wordingCount', wordings.length),
  );
  const outlets = [
    ...new Map(
      group.rows.flatMap((r) => r.versions.map((v) => [v.outlet.id, v.outlet] as const)),
    ).values(),
  ].filter((o) => o.id !== 'page');
  return (
    <section
      class={highlighted ? 'group group--page' : 'group'}
      data-coverage={group.coverage}
      aria-label={head}
    >
      <p class="group-head">{head}</p>
      <div class="versions">
        {shown.map((r) => (
          <Row key={r.versions[0]!.statement.id} row={r} many={many} />
        ))}
      </div>
      {rest.length > 0 && (
        <details class="more">
          <summary>{tCount('moreVersions', hidden)}</summary>
          <div class="versions">
            {rest.map((r) => (
              <Row key={r.versions[0]!.statement.id} row={r} many={many} />
            ))}
          </div>
        </details>
      )}
      <Profiles outlets={outlets} />
    </section>
  );
}

/** What one outlet alone carried, of how many compared. */
export function Only({ only }: { only: OnlyIn }) {
  return (
    <section class="only" data-outlet={only.outlet.id}>
      <h3>
        <span title={profile(only.outlet)}>{t('onlyIn', outletName(only.outlet))}</span>{' '}
        <span class="muted">{tCount('ofOutlets', only.of)}</span>
      </h3>
      <ul>
        {only.versions.map((v) => (
          <li key={v.statement.id}>
            <span class={`kind kind--${v.statement.kind}`}>
              {t(KIND[v.statement.kind] ?? 'kindQuote')}
            </span>{' '}
            {v.statement.kind === 'quote' ? t('quoted', v.statement.text) : v.statement.text}
            {v.statement.channel && <span class="channel"> — {v.statement.channel}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
