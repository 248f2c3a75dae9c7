import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/dataset/types';
import { entriesFromDataset } from '../../../src/library/convert';
import { fixtureDataset } from '../cards/fixture';

describe('entriesFromDataset', () => {
  it('gives each article its statements and the coverage links that touch them, in file order', () => {
    const fixture = fixtureDataset();
    const dataset: Dataset = { ...fixture, statements: [...fixture.statements].reverse() };
    const entries = entriesFromDataset(dataset, 1000);
    expect(entries.map((e) => e.id)).toEqual(dataset.articles.map((a) => a.id));
    for (const [i, entry] of entries.entries()) {
      expect(entry.addedAt).toBe(1000 + i);
      // The same as filtering every statement and link per article (what it did before).
      const statements = dataset.statements.filter((s) => s.article === entry.id);
      const ids = new Set(statements.map((s) => s.id));
      expect(entry.statements).toEqual(statements);
      expect(entry.coverage).toEqual(
        dataset.coverage.filter((c) => c.statements.some((s) => ids.has(s))),
      );
    }
    expect(entries.some((e) => e.coverage.length > 0)).toBe(true);
  });

  it('gives an article without statements none', () => {
    const fixture = fixtureDataset();
    const lone = { ...fixture.articles[0]!, id: 'lone' };
    const [entry] = entriesFromDataset({ ...fixture, articles: [lone] }, 0);
    expect(entry!.statements).toEqual([]);
    expect(entry!.coverage).toEqual([]);
  });
});
