import { browser } from 'wxt/browser';
import type catalogue from '../../public/_locales/en/messages.json';

/**
 * Keys of the message catalogue (`public/_locales/en/messages.json`), so a misspelt key is a
 * type error; the catalogue test checks that every language has every key.
 */
export type MessageKey = keyof typeof catalogue;

type I18n = { getMessage(key: string, subs?: string[]): string; getUILanguage(): string };
const api = (): I18n | undefined => (browser as unknown as { i18n?: I18n } | undefined)?.i18n;

/**
 * The string a person sees, in the browser's language: every UI text goes through here
 * (`browser.i18n`, which works in every context, the content script included). `$1`… in the
 * message take `substitutions`. Outside an extension (unit tests) the key itself comes back.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return api()?.getMessage(key, substitutions.map(String)) || key;
}

/**
 * The message for `count` in the plural form the UI language needs: `key` + `One` or `Other`
 * (Intl.PluralRules, so languages with more forms than English read `Other` for the rest).
 */
export function tCount(key: PluralKey, count: number): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'One' : 'Other';
  return t(`${key}${form}` as MessageKey, count.toLocaleString(uiLanguage()));
}

type PluralBase<K> = K extends `${infer Base}One`
  ? `${Base}Other` extends MessageKey
    ? Base
    : never
  : never;
/** Keys that have both a `…One` and a `…Other` message. */
type PluralKey = PluralBase<MessageKey>;

/**
 * The language the extension's UI is shown in, for `Intl` formatting of dates and names: the
 * catalogue the browser chose says it itself, since `getUILanguage()` can differ from it
 * (Chromium started with `--lang=fr` serves French messages and reports `en-US`).
 */
export function uiLanguage(): string {
  const chosen = api()?.getMessage('catalogueLanguage');
  return chosen || api()?.getUILanguage() || 'en';
}

/** A date as the UI language writes it ("24 mai 2018"), or '' for a missing or bad date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(uiLanguage(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
