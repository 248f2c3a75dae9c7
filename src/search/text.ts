/**
 * Search reads words as the rest of the core does (`src/text/words.ts`): the index, the query
 * and the marks in a result all cut and fold text the same way, in any script.
 */
export { fold as normalise, tokenize, type Token } from '../text/words';

/** Words too common to narrow a search; ignored in queries unless they are all there is. */
export const STOPWORDS = new Set(
  (
    'a an and are as at be but by for from had has have he her his i in is it its of on or ' +
    'our she that the their they this to was we were will with would you'
  ).split(' '),
);
