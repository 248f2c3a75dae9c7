export { compileMatcher } from './compile';
export { buildMatcher, namesOf, resolveAmbiguous, type Matcher, type PreparedNames } from './match';
export { prepareMatcher, type PreparedMatcher } from './prepare';
export { matcherSpecFromDataset } from './from-dataset';
export type { MatchEntity, MatcherSpec, Mention } from './types';
