import { useEffect, useState } from 'preact/hooks';
import {
  getSettings,
  isEnabledOn,
  siteKey,
  updateSettings,
  watchSettings,
  withSite,
  type Settings,
} from '../../shared/settings';
import { t } from '../../shared/i18n';
import { MessageParts } from '../../ui/message-parts';

/** On/off for the current site and a pause for every site; both apply at once, in every tab. */
export function SiteSwitch({ host }: { host: string | null }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  const site = host ? siteKey(host) : null;
  return (
    <div class="switches">
      {site && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="site-switch"
            checked={!settings.disabledSites.includes(site)}
            disabled={settings.paused}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              void updateSettings((s) => withSite(s, site, on)).then(setSettings);
            }}
          />
          <span>
            <MessageParts msg="siteOnFor" parts={[<strong key="site">{site}</strong>]} />
          </span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="pause-switch"
          checked={settings.paused}
          onChange={(e) => {
            const paused = (e.target as HTMLInputElement).checked;
            void updateSettings((s) => ({ ...s, paused })).then(setSettings);
          }}
        />
        <span>{t('pauseEverywhere')}</span>
      </label>
      {site && !isEnabledOn(settings, site) && <p class="muted small">{t('highlightsOffHere')}</p>}
    </div>
  );
}
