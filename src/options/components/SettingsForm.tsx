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
import { t } from '../../shared/i18n';
import { MessageParts } from '../../ui/message-parts';

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
  if (!settings) return <p class="muted">{t('loading')}</p>;
  const save = (change: (s: Settings) => Settings) => void updateSettings(change).then(setSettings);

  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()} aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      <label class="field">
        <span>{t('hoverDelayLabel')}</span>
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
        <span>{t('milliseconds')}</span>
      </label>
      <fieldset class="field">
        <legend>{t('highlightStyle')}</legend>
        {(['underline', 'background'] as HighlightStyle[]).map((style) => (
          <label key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => save((s) => ({ ...s, highlightStyle: style }))}
            />{' '}
            {style === 'underline' ? t('styleUnderline') : t('styleBackground')}
          </label>
        ))}
      </fieldset>
      <label class="check field">
        <input
          type="checkbox"
          data-testid="mark-every"
          checked={settings.markEvery}
          onChange={(e) => {
            const markEvery = (e.target as HTMLInputElement).checked;
            save((s) => ({ ...s, markEvery }));
          }}
        />{' '}
        {t('markEvery')}
      </label>
      <fieldset class="field">
        <legend>{t('markTheseEntities')}</legend>
        {entities.length === 0 && <p class="muted">{t('loadingDataset')}</p>}
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
        <legend>{t('sitesOff')}</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('noSitesOff')}</p>
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
                  {t('turnBackOn')}
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
          {t('pauseEverywhere')}
        </label>
      </fieldset>
      <p class="field">
        <MessageParts
          msg="shortcutHelp"
          parts={[
            <kbd key="shortcut">{shortcut ?? t('shortcutNotSet')}</kbd>,
            <kbd key="esc">{t('keyEsc')}</kbd>,
          ]}
        />
      </p>
      <button
        type="button"
        class="link-button"
        data-testid="reset"
        onClick={() => save(() => DEFAULT_SETTINGS)}
      >
        {t('resetDefaults')}
      </button>
    </form>
  );
}
