/**
 * Words, the way every part of the pure core compares them: search, cards, statement ids and
 * the linking of statements. One definition, so a name typed in the popup, a quotation on a
 * page and a statement in the dataset are cut into the same words, in any script.
 */

/** A word of a text: its folded form and where it sits in the original. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/**
 * A run of letters or digits, of any script, with the combining marks that belong to them
 * (an accent written apart, a Devanagari vowel sign): a word is not cut at its marks.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** Combining marks, once decomposed: accents, and the vowel signs and points of other scripts. */
const MARKS = /\p{M}+/gu;
/** Latin, Greek and Cyrillic combining diacritics: all an ASCII id can drop. */
const DIACRITICS = /[\u0300-\u036f]/g;

/**
 * Folds a word for comparison: lower case, compatibility forms unified (NFKD: "ﬁ" is "fi",
 * full-width letters are letters), combining marks dropped ("Macrón" is "macron", "ё" is
 * "е", Arabic and Hebrew vowel points optional as they are in print), Greek final sigma as
 * sigma. Only text outside ASCII pays for the normalisation.
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS, '').replace(/ς/g, 'σ');
}

/** The words of `text`, folded, with their offsets in `text` (for marking matches). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const term = fold(m[0]);
    if (term) out.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The folded words of `text`, in order, repeats kept. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/**
 * The first `limit` of `words(text)`, without reading the rest (a statement's opening words).
 * Not a second parameter of `words`: `.map(words)` would pass each index as the limit.
 */
export function firstWords(text: string, limit: number): string[] {
  const out: string[] = [];
  if (limit <= 0) return out;
  for (const m of text.matchAll(WORD)) {
    const term = fold(m[0]);
    if (term && out.push(term) >= limit) break;
  }
  return out;
}

/**
 * The words of `text` in lower case, diacritics kept: what two wordings must share to count
 * as the same wording ("Macron" and "Macrón" are two wordings, though one word for search).
 */
export function wordsAsWritten(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[];
}

/**
 * A stable id from a name or file name: ASCII letters and digits joined by hyphens
 * ("Vladímir Putin" → "vladimir-putin"), as reference ids must be. Letters with no ASCII
 * form (Cyrillic, CJK…) are dropped, so such a name needs an id of its own.
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
