import type { MentionCount } from '../../shared/protocol';
import { t, tCount, uiLanguage } from '../../shared/i18n';

export interface OnThisPageProps {
  counts: MentionCount[];
  onReveal(entity: string): void;
}

/** The people and events the content script found in the tab, with counts. */
export function OnThisPage({ counts, onReveal }: OnThisPageProps) {
  if (counts.length === 0) {
    return (
      <p class="muted" data-testid="no-mentions">
        {t('noMentions')}
      </p>
    );
  }
  const sorted = [...counts].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name, uiLanguage()),
  );
  return (
    <ul class="mentions" data-testid="mentions">
      {sorted.map((c) => (
        <li key={c.entity}>
          <button
            type="button"
            class="mention"
            data-entity={c.entity}
            title={t('revealMention', c.name)}
            onClick={() => onReveal(c.entity)}
          >
            <span class="name">{c.name}</span>
            <span class="count" aria-label={tCount('mentions', c.count)}>
              {c.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
