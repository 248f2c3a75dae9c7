/**
 * Search reads words as the rest of the core does (`src/text/words.ts`): the index, the query
 * and the marks in a result all cut and fold text the same way, in any script.
 */
export { fold as normalise, tokenize, type Token } from '../text/words';

export { QUERY_STOPWORDS as STOPWORDS } from '../text/lexicon-en';
