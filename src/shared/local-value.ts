import { browser } from 'wxt/browser';

/** One JSON value in `storage.local`, as every context reads, writes and watches it. */
export interface LocalValue<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls `cb` whenever any context writes the value; returns the unsubscribe. */
  watch(cb: (value: T) => void): () => void;
}

/**
 * A typed `storage.local` key. Deliberately this small instead of `@wxt-dev/storage`: the
 * content script loads it on every page, and that library (with its lock) was a third of the
 * content script's size budget for two keys that need no migrations.
 */
export function localValue<T>(key: string, fallback: T): LocalValue<T> {
  return {
    async get() {
      // Storage holds JSON, never `undefined`: a missing key is absent in browsers and
      // `undefined` in WXT's fake browser, and both mean "not set".
      const got = (await browser.storage.local.get(key))[key];
      return got === undefined ? fallback : (got as T);
    },
    set: (value) => browser.storage.local.set({ [key]: value }),
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) cb((changes[key]!.newValue ?? fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
