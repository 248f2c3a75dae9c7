export {
  buildMatcher,
  compileMatcher,
  prepareMatcher,
  resolveAmbiguous,
  type Matcher,
  type PreparedMatcher,
} from './compile';
export { matcherSpecFromDataset } from './from-dataset';
export type { MatchEntity, MatcherSpec, Mention } from './types';
