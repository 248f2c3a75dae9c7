import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings-model';

export * from './settings-model';

/** The settings item; `local:` keeps them on this device (no account sync). */
const item = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, repaired to a valid shape. */
export async function getSettings(): Promise<Settings> {
  return normaliseSettings(await item.getValue());
}

/** Applies `change` to the current settings and stores the result. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = normaliseSettings(change(await getSettings()));
  await item.setValue(next);
  return next;
}

/** Calls `cb` with the new settings whenever any context changes them. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return item.watch((value) => cb(normaliseSettings(value)));
}
