import { stemmer } from 'stemmer';
import { FUNCTION_WORDS, IRREGULAR_VERBS } from '../text/lexicon-en';
import { words } from '../text/words';

/** British spellings written the American way, so "denuclearising" meets "denuclearizing". */
function americanise(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/(?<=[a-z]{2})ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/(?<=[a-z]{2}[^aeiou])our(s|ed|ing|ite|ites|able)?$/, 'or$1')
    .replace(/(?<=[a-z]{2}[^aeiou])tre(s)?$/, 'ter$1');
}

const LATIN = /^[a-z]+$/;

/**
 * The words of a text as comparable terms: Unicode word runs outside [editorial brackets] (any script), lower-cased, marks
 * removed; English words (Latin letters) also lose function words, are spelled the American way
 * and stemmed (Porter), irregular verbs first reduced to their base. Other scripts keep the
 * word itself. Order is kept; repeats are kept.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  // Square brackets hold the outlet's insertions, not the speaker's words.
  for (const w of words(text.replace(/\[[^\]]*\]/g, ' '))) {
    if (!LATIN.test(w)) {
      out.push(w);
      continue;
    }
    if (FUNCTION_WORDS.has(w) || w.length < 2) continue;
    let term = stems.get(w);
    if (term === undefined) {
      if (stems.size >= STEM_CACHE) stems.clear();
      const base = Object.hasOwn(IRREGULAR_VERBS, w) ? IRREGULAR_VERBS[w]! : americanise(w);
      stems.set(w, (term = stemmer(base)));
    }
    out.push(term);
  }
  return out;
}

/** Stems of words seen: a dataset's statements repeat a few thousand words many times over. */
const stems = new Map<string, string>();
const STEM_CACHE = 50_000;

/** Inverse document frequency of terms over a set of texts: rare words weigh more. */
export class TermWeights {
  private readonly df = new Map<string, number>();
  /** Weights computed since the last `add`: grouping asks for the same terms' again and again. */
  private readonly weights = new Map<string, number>();
  private n = 0;

  /** Counts one text's distinct terms. */
  add(termSet: ReadonlySet<string>): void {
    this.n++;
    if (this.weights.size) this.weights.clear();
    for (const t of termSet) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** ln(1 + N / df): a word in every text weighs ~0.7, one in a single text of 1,000 ~6.9. */
  weight(term: string): number {
    let w = this.weights.get(term);
    if (w === undefined) {
      w = Math.log(1 + Math.max(this.n, 1) / (this.df.get(term) ?? 1));
      this.weights.set(term, w);
    }
    return w;
  }

  /** How many texts hold `term`. */
  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  get texts(): number {
    return this.n;
  }
}

/** A text ready for comparison: its distinct terms and their total weight. */
export interface Profile {
  terms: ReadonlySet<string>;
  weight: number;
}

/** The profile of a term set under `weights`. */
export function profile(termSet: ReadonlySet<string>, weights: TermWeights): Profile {
  let weight = 0;
  for (const t of termSet) weight += weights.weight(t);
  return { terms: termSet, weight };
}

/** Weight of the terms two profiles share. */
export function sharedWeight(a: Profile, b: Profile, weights: TermWeights): number {
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small.terms) if (large.terms.has(t)) shared += weights.weight(t);
  return shared;
}

/**
 * Resemblance of two renderings, 0..1: weighted Dice coefficient over their terms (order
 * ignored). Two translations of one sentence score high; a fragment against its sentence
 * scores low, which is what containment is for.
 */
export function resemblance(a: Profile, b: Profile, weights: TermWeights): number {
  const total = a.weight + b.weight;
  return total === 0 ? 0 : (2 * sharedWeight(a, b, weights)) / total;
}

/** Containment of `part` in `whole`, 0..1: the weighted share of part's terms whole also has. */
export function containment(part: Profile, whole: Profile, weights: TermWeights): number {
  return part.weight === 0 ? 0 : sharedWeight(part, whole, weights) / part.weight;
}
