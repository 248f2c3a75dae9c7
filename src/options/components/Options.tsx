import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { loadBundledDataset } from '../../shared/dataset-source';
import { LibraryManager } from './LibraryManager';
import { SettingsForm, type EntityChoice } from './SettingsForm';
import { t } from '../../shared/i18n';

/** The options page: the reader's library and every setting. */
export function Options() {
  const [entities, setEntities] = useState<EntityChoice[]>([]);
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void loadBundledDataset().then((d) =>
      setEntities([
        ...d.people
          .filter((p) => p.source === 'reference')
          .map((p) => ({ id: p.id, name: p.name, kind: 'person' as const })),
        ...d.events.map((e) => ({ id: e.id, name: e.name, kind: 'event' as const })),
      ]),
    );
    void browser.commands
      ?.getAll()
      .then((all) => setShortcut(all.find((c) => c.name === 'next-mention')?.shortcut || null));
  }, []);
  return (
    <main class="page options">
      <h1>{t('extName')}</h1>
      <p class="muted">{t('optionsIntro')}</p>
      <LibraryManager />
      <SettingsForm entities={entities} shortcut={shortcut} />
    </main>
  );
}
