import type { MentionCount } from '../../shared/protocol';

export interface OnThisPageProps {
  counts: MentionCount[];
  onReveal(entity: string): void;
}

/** The people and events the content script found in the tab, with counts. */
export function OnThisPage({ counts, onReveal }: OnThisPageProps) {
  if (counts.length === 0) {
    return (
      <p class="muted" data-testid="no-mentions">
        No people or events from the dataset on this page.
      </p>
    );
  }
  const sorted = [...counts].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return (
    <ul class="mentions" data-testid="mentions">
      {sorted.map((c) => (
        <li key={c.entity}>
          <button
            type="button"
            class="mention"
            data-entity={c.entity}
            title={`Show the next mention of ${c.name} and its card`}
            onClick={() => onReveal(c.entity)}
          >
            <span class="name">{c.name}</span>
            <span class="count" aria-label={`${c.count} mentions`}>
              {c.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
