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

/**
 * The lookup key of a name as written: its words joined by single spaces, without diacritics
 * and in lower case, so that every spelling the pattern accepts ("Vladimir"/"Vladímir",
 * "Косачёв"/"Косачев", NFC or NFD) finds its form.
 */
export const keyOf = (text: string): string =>
  words(
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[\u2019\u02BC]/g, "'"),
  ).join(' ');
