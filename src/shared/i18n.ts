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
  const form = formatters().plural.select(count) === 'one' ? 'One' : 'Other';
  return t(`${key}${form}` as MessageKey, formatters().number.format(count));
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
  language ??= api()?.getMessage('catalogueLanguage') || api()?.getUILanguage() || 'en';
  return language;
}

// The UI language cannot change while a page lives: it and its formatters are made once, not
// once per outlet row of a card.
let language: string | undefined;
let cached: ReturnType<typeof makeFormatters> | undefined;

function makeFormatters(lang: string) {
  const displayNames = (type: 'region' | 'language') => {
    try {
      return new Intl.DisplayNames([lang], { type });
    } catch {
      return null;
    }
  };
  return {
    plural: new Intl.PluralRules(lang),
    number: new Intl.NumberFormat(lang),
    date: new Intl.DateTimeFormat(lang, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
    region: displayNames('region'),
    language: displayNames('language'),
    list: new Intl.ListFormat(lang, { type: 'conjunction' }),
  };
}

function formatters(): ReturnType<typeof makeFormatters> {
  cached ??= makeFormatters(uiLanguage());
  return cached;
}

/** A date as the UI language writes it ("24 mai 2018"), or '' for a missing or bad date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return formatters().date.format(d);
}

/** A country's name from its ISO 3166 code, in the UI language ("États-Unis"), or the code. */
export function regionName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return formatters().region?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name from its code, in the UI language ("russe"), or the code. */
export function languageName(code: string): string {
  try {
    return formatters().language?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Items joined as the UI language joins a list ("English and French", "anglais et français"). */
export function listOf(items: string[]): string {
  return formatters().list.format(items);
}
