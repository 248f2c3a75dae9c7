import { localValue } from './local-value';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings-model';

export * from './settings-model';

/** The settings; `storage.local` keeps them on this device (no account sync). */
const item = localValue<Settings>('settings', DEFAULT_SETTINGS);

/** Reads the settings, repaired to a valid shape. */
export async function getSettings(): Promise<Settings> {
  return normaliseSettings(await item.get());
}

/** Applies `change` to the current settings and stores the result. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = normaliseSettings(change(await getSettings()));
  await item.set(next);
  return next;
}

/** Calls `cb` with the new settings whenever any context changes them. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return item.watch((value) => cb(normaliseSettings(value)));
}
