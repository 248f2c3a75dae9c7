import { describe, expect, it } from 'vitest';
import { entriesFromDataset } from '../../../src/library/convert';
import { isReadableEntry } from '../../../src/library/entry-check';
import { fixtureDataset } from '../cards/fixture';

const [entry] = entriesFromDataset(fixtureDataset(), 1);

/** The entry with one value replaced at `path` (dot-separated, numbers index arrays). */
function broken(path: string, value: unknown): unknown {
  const copy = structuredClone(entry) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

describe('isReadableEntry', () => {
  it('accepts what the library writes', () => {
    expect(entry).toBeDefined();
    for (const e of entriesFromDataset(fixtureDataset(), 1)) expect(isReadableEntry(e)).toBe(true);
  });

  it.each([
    ['id', undefined],
    ['addedAt', '2018'],
    ['article', null],
    ['article.title', 7],
    ['article.paragraphs', 'one'],
    ['statements', {}],
    ['statements.0.text', null],
    ['statements.0.kind', 'rumour'],
    ['statements.0.article', 'another-article'],
    ['statements.0.speaker', 3],
    ['people', [{ id: 'x' }]],
    ['outlets', [null]],
    ['coverage', [{ id: 'c', statements: ['a', 'b'], similarity: '1', diff: [] }]],
  ])('refuses an entry whose %s is %j', (path, value) => {
    expect(isReadableEntry(broken(path, value))).toBe(false);
  });
});
