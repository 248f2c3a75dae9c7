import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/cards/build-card';
import { alignArticles } from '../../../src/cards/align';
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
