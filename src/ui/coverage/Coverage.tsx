import type { CardGroup, CardVersion, OnlyIn } from '../../cards/build-card';
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

/** Text of one version with the words that differ from the other version marked. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'removed' ? (
          <del key={i} class="diff diff--this" title="Wording only in this version">
            {p.text}
          </del>
        ) : (
          <ins key={i} class="diff diff--this" title="Wording only in this version">
            {p.text}
          </ins>
        ),
      )}
    </>
  );
}

function Source({ version }: { version: CardVersion }) {
  const { outlet, article } = version;
  const about = [country(outlet.country), outlet.ownership].filter(Boolean).join(', ');
  const date = formatDate(article.published);
  return (
    <figcaption class="source">
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
    </figcaption>
  );
}

export function Version({ version, parts }: { version: CardVersion; parts: DiffPart[] | null }) {
  const { statement } = version;
  return (
    <figure class="version" data-outlet={version.outlet.id}>
      <Source version={version} />
      <span class={`kind kind--${statement.kind}`}>
        {statement.kind === 'quote' ? 'Quote' : 'Paraphrase'}
      </span>
      <blockquote class="text">{parts ? <DiffText parts={parts} /> : statement.text}</blockquote>
      {statement.channel && <p class="channel">{statement.channel}</p>}
    </figure>
  );
}

/** Versions of one utterance side by side, differences marked. */
export function Group({ group, highlighted }: { group: CardGroup; highlighted: boolean }) {
  return (
    <section
      class={highlighted ? 'group group--page' : 'group'}
      data-coverage={group.coverage}
      aria-label={`${group.versions.length} versions, ${Math.round(group.similarity * 100)}% alike`}
    >
      <div class="versions">
        {group.versions.map((v, i) => (
          <Version
            key={v.statement.id}
            version={v}
            parts={i === 0 ? (group.sides[0]?.left ?? null) : (group.sides[i - 1]?.right ?? null)}
          />
        ))}
      </div>
    </section>
  );
}

/** What one outlet alone carried. */
export function Only({ only }: { only: OnlyIn }) {
  return (
    <section class="only" data-outlet={only.outlet.id}>
      <h3>Only in {only.outlet.name}</h3>
      <ul>
        {only.versions.map((v) => (
          <li key={v.statement.id}>
            <span class={`kind kind--${v.statement.kind}`}>
              {v.statement.kind === 'quote' ? 'Quote' : 'Paraphrase'}
            </span>{' '}
            {v.statement.kind === 'quote' ? `“${v.statement.text}”` : v.statement.text}
            {v.statement.channel && <span class="channel"> — {v.statement.channel}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
