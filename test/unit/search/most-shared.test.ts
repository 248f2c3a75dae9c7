import { describe, expect, it } from 'vitest';
import { mostShared } from '../../../src/search/search-index';

/** What `mostShared` replaces: every term sorted by (count, name), the first `k` kept. */
function bySort(terms: number[], shared: Uint16Array, k: number, names: string[]): number[] {
  const byName = (a: number, b: number) => (names[a]! < names[b]! ? -1 : 1);
  return [...terms].sort((a, b) => shared[b]! - shared[a]! || byName(a, b)).slice(0, k);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('mostShared (typo candidates)', () => {
  it('keeps the terms that sorting by count, then name, would keep', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const n = 1 + Math.floor(next() * 900);
      const names = Array.from({ length: n }, (_, t) => `${Math.floor(next() * 1e6)}-${t}`);
      const shared = new Uint16Array(n);
      // Few distinct counts, so many terms tie at the cut-off.
      const top = 1 + Math.floor(next() * 6);
      for (let t = 0; t < n; t++) shared[t] = 1 + Math.floor(next() * top);
      const terms = Array.from({ length: n }, (_, t) => t).filter(() => next() < 0.8);
      const k = 1 + Math.floor(next() * 400);
      if (terms.length <= k) continue;
      const byName = (a: number, b: number) => (names[a]! < names[b]! ? -1 : 1);
      const got = mostShared(terms, shared, k, byName).sort(byName);
      expect(got, `seed ${seed}`).toEqual(bySort(terms, shared, k, names).sort(byName));
    }
  });

  it('keeps all above the cut-off and the first at it by name', () => {
    const names = ['d', 'a', 'c', 'b', 'e'];
    const shared = Uint16Array.from([3, 1, 2, 2, 2]);
    const byName = (a: number, b: number) => (names[a]! < names[b]! ? -1 : 1);
    expect(mostShared([0, 1, 2, 3, 4], shared, 3, byName).map((t) => names[t])).toEqual([
      'd',
      'b',
      'c',
    ]);
  });
});
