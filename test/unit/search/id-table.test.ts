import { describe, expect, it } from 'vitest';
import { IdTable } from '../../../src/search/id-table';

/** A table over docs listed as [kind code, id], as `SearchIndex` keeps them. */
function tableOver(docs: [number, string][]) {
  return new IdTable((doc, kind, id) => docs[doc]![0] === kind && docs[doc]![1] === id);
}

describe('IdTable', () => {
  it('finds each of many ids after growing, and nothing it was not given', () => {
    const docs: [number, string][] = [];
    const table = tableOver(docs);
    for (let i = 0; i < 20_000; i++) {
      docs.push([115, `a${i >> 3}:s${i & 7}`]);
      expect(table.set(115, docs[i]![1], i)).toBe(-1);
    }
    for (let i = 0; i < 20_000; i += 7) expect(table.get(115, `a${i >> 3}:s${i & 7}`)).toBe(i);
    expect(table.get(115, 'a0:s8')).toBe(-1);
    expect(table.get(97, 'a0:s0')).toBe(-1);
  });

  it('tells kinds apart and says which doc an id pointed at before', () => {
    const docs: [number, string][] = [
      [115, 'x'],
      [97, 'x'],
      [115, 'x'],
    ];
    const table = tableOver(docs);
    expect(table.set(115, 'x', 0)).toBe(-1);
    expect(table.set(97, 'x', 1)).toBe(-1);
    expect(table.set(115, 'x', 2)).toBe(0);
    expect(table.get(115, 'x')).toBe(2);
    expect(table.get(97, 'x')).toBe(1);
  });
});
