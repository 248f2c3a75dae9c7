import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/cards/build-card';
import { alignArticles, counterpartOf } from '../../../src/cards/align';
import { fixtureDataset } from './fixture';

describe('alignArticles', () => {
  it('puts linked statements on one row and keeps the rest in order', () => {
    const rows = alignArticles(indexDataset(fixtureDataset()), 'rt-a', 'cnn-a');
    expect(rows.map((r) => [r.left?.id ?? null, r.right?.id ?? null, r.coverage])).toEqual([
      ['rt-a:s1', 'cnn-a:s1', 'c1'],
      ['rt-a:s2', null, null],
      [null, 'cnn-a:s2', null],
    ]);
  });

  it('shows every statement of both articles exactly once', () => {
    const ds = fixtureDataset();
    const rows = alignArticles(indexDataset(ds), 'cnn-a', 'rt-a');
    const ids = rows
      .flatMap((r) => [r.left?.id, r.right?.id])
      .filter(Boolean)
      .sort();
    expect(ids).toEqual(ds.statements.map((s) => s.id).sort());
  });
});

describe('counterpartOf', () => {
  it('picks the article that shares the most counter-coverage, from another outlet', () => {
    const ds = fixtureDataset();
    const extra = { ...ds.articles.find((a) => a.id === 'rt-a')!, id: 'rt-b', title: 'Other' };
    const withUnlinked = { ...ds, articles: [extra, ...ds.articles] };
    expect(counterpartOf(withUnlinked, 'rt-a')).toBe('cnn-a');
    expect(counterpartOf(withUnlinked, 'cnn-a')).toBe('rt-a');
    // No link at all: another outlet's article before one of the same outlet.
    expect(counterpartOf({ ...withUnlinked, coverage: [] }, 'rt-a')).toBe('cnn-a');
    expect(counterpartOf({ ...ds, articles: ds.articles.slice(0, 1) }, ds.articles[0]!.id)).toBe(
      null,
    );
  });
});
