import { buildMatcher, type Matcher } from './match';
export type { Matcher } from './match';
import { prepareMatcher, type PreparedMatcher } from './prepare';
import type { MatcherSpec } from './types';

/** Recently prepared specs, by their JSON: the pipeline compiles the same people per article. */
const PREPARED = new Map<string, PreparedMatcher>();

/**
 * A matcher straight from a spec, both halves in one place (tests, the scan CLI, the
 * pipeline); the extension prepares and builds it in the background instead (`BlockMatchers`).
 */
export function compileMatcher(spec: MatcherSpec): Matcher {
  const key = JSON.stringify(spec);
  let prepared = PREPARED.get(key);
  if (!prepared) {
    prepared = prepareMatcher(spec);
    if (PREPARED.size >= 8) PREPARED.delete(PREPARED.keys().next().value!);
    PREPARED.set(key, prepared);
  }
  return buildMatcher(prepared);
}
