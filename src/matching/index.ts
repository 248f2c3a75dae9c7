export { compileMatcher, resolveAmbiguous, type Matcher } from './compile';
export { matcherSpecFromDataset } from './from-dataset';
export type { MatchEntity, MatcherSpec, Mention } from './types';
