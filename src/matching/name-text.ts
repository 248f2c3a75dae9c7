/**
 * How a name is written in text, shared by the side that prepares the patterns (background)
 * and the side that matches them (page): what separates its words and how a spelling is keyed.
 */

/**
 * Spaces, non-breaking spaces and hyphens/dashes between the words of a name. One class, not
 * "spaces around one hyphen": it comes dozens of times in the patterns, which then compile in
 * half the time.
 */
export const GAP = '[\\s\\u00A0\\u202F\\-\\u2010-\\u2013]+';
/** One character of `GAP`. */
export const GAP_CHAR = /[\s\u00A0\u202F\-\u2010-\u2013]/;
/** Letters, digits and combining marks a name may not touch, in any script (`u` flag). */
export const WORD = '\\p{L}\\p{N}\\p{M}';

const GAP_RE = new RegExp(GAP);

/** The words of a name as written. */
export const words = (form: string): string[] => form.split(GAP_RE).filter(Boolean);

/** `\p{M}` (`u` flag), compiled only for text outside the common scripts: it costs ~0.4 ms. */
let anyMark: RegExp | undefined;

/**
 * `text` (decomposed, NFD) without combining marks. The marks of Latin, Greek and Cyrillic
 * are removed by range; the Unicode class is used only when another script is present.
 */
export function withoutMarks(text: string): string {
  const out = text.replace(/[\u0300-\u036f\u0483-\u0489]/g, '');
  // eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose
  return /[^\u0000-\u052f\u1e00-\u206f]/.test(out) ? out.replace((anyMark ??= /\p{M}/gu), '') : out;
}

/**
 * A title as written, for lookup: its words joined by single spaces, without diacritics,
 * typographic apostrophes made plain, case kept (`PreparedPart.titles` says how it is keyed).
 */
export const titleKey = (text: string): string =>
  words(withoutMarks(text.normalize('NFD')).replace(/[\u2019\u02BC]/g, "'")).join(' ');

/**
 * The lookup key of a name as written: its words joined by single spaces, without diacritics
 * and in lower case, so that every spelling the pattern accepts ("Vladimir"/"Vladímir",
 * "Косачёв"/"Косачев", NFC or NFD) finds its form.
 */
export const keyOf = (text: string): string => titleKey(text).toLowerCase();
