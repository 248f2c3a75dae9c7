/** A word of a text: its normalised form and where it sits in the original. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Lower case without accents, so "Macron", "MACRON" and "Macrón" are one term; the same
 * function runs at build time and per keystroke, so index and query always agree.
 */
export function normalise(word: string): string {
  const lower = word.toLowerCase();
  // Only pay for NFKD when there is something outside ASCII.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The words of `text`, normalised, with their offsets in `text` (for marking matches). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const term = normalise(m[0]);
    if (term) out.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Words too common to narrow a search; ignored in queries unless they are all there is. */
export const STOPWORDS = new Set(
  (
    'a an and are as at be but by for from had has have he her his i in is it its of on or ' +
    'our she that the their they this to was we were will with would you'
  ).split(' '),
);
