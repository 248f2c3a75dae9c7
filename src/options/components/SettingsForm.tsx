import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  HOVER_DELAY_RANGE,
  getSettings,
  updateSettings,
  watchSettings,
  withSite,
  type HighlightStyle,
  type Settings,
} from '../../shared/settings';

export interface EntityChoice {
  id: string;
  name: string;
  kind: 'person' | 'event';
}

/** Every setting, persisted on change and applied in open tabs without a reload. */
export function SettingsForm({
  entities,
  shortcut,
}: {
  entities: EntityChoice[];
  shortcut: string | null;
}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return <p class="muted">Loading…</p>;
  const save = (change: (s: Settings) => Settings) => void updateSettings(change).then(setSettings);

  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()} aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <label class="field">
        <span>Show the card after resting on a name for</span>
        <input
          type="number"
          data-testid="hover-delay"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={settings.hoverDelay}
          onChange={(e) => {
            const hoverDelay = Number((e.target as HTMLInputElement).value);
            save((s) => ({ ...s, hoverDelay }));
          }}
        />
        <span>ms</span>
      </label>
      <fieldset class="field">
        <legend>Highlight style</legend>
        {(['underline', 'background'] as HighlightStyle[]).map((style) => (
          <label key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => save((s) => ({ ...s, highlightStyle: style }))}
            />{' '}
            {style === 'underline' ? 'Underline' : 'Background'}
          </label>
        ))}
      </fieldset>
      <fieldset class="field">
        <legend>Mark these people and events</legend>
        {entities.length === 0 && <p class="muted">Loading the dataset…</p>}
        {entities.map((e) => (
          <label key={e.id} class="check">
            <input
              type="checkbox"
              data-entity={e.id}
              checked={!settings.hiddenEntities.includes(e.id)}
              onChange={(ev) => {
                const on = (ev.target as HTMLInputElement).checked;
                save((s) => ({
                  ...s,
                  hiddenEntities: on
                    ? s.hiddenEntities.filter((x) => x !== e.id)
                    : [...s.hiddenEntities, e.id],
                }));
              }}
            />{' '}
            {e.name}
          </label>
        ))}
      </fieldset>
      <fieldset class="field">
        <legend>Sites where Counterpoint is off</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Turn a site off from the toolbar popup.</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  class="link-button"
                  onClick={() => save((s) => withSite(s, site, true))}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
        <label class="check">
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={(e) => {
              const paused = (e.target as HTMLInputElement).checked;
              save((s) => ({ ...s, paused }));
            }}
          />{' '}
          Pause everywhere
        </label>
      </fieldset>
      <p class="field">
        Keyboard: <kbd>{shortcut ?? 'not set'}</kbd> moves to the next mention on a page and opens
        its card; <kbd>Esc</kbd> closes it. Change the shortcut in your browser’s extension shortcut
        settings.
      </p>
      <button
        type="button"
        class="link-button"
        data-testid="reset"
        onClick={() => save(() => DEFAULT_SETTINGS)}
      >
        Reset to defaults
      </button>
    </form>
  );
}
