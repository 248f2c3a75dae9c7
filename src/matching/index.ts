export { compileMatcher } from './compile';
export { buildMatcher, resolveAmbiguous, type Matcher } from './match';
export { prepareMatcher, type PreparedMatcher } from './prepare';
export { matcherSpecFromDataset } from './from-dataset';
export type { MatchEntity, MatcherSpec, Mention } from './types';
