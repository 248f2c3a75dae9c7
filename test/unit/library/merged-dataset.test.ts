import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fixtureDataset } from '../cards/fixture';

const bundled = fixtureDataset();
vi.mock('../../../src/shared/dataset-source', () => ({
  loadBundledDataset: () => Promise.resolve(bundled),
}));
const { Library } = await import('../../../src/library/library');
const { loadMergedDataset } = await import('../../../src/library/merged-dataset');
const { entriesFromDataset } = await import('../../../src/library/convert');
const { documentsOf } = await import('../../../src/search');

/** One library entry: a copy of the fixture's RT article under a new id. */
function libraryEntry() {
  const [entry] = entriesFromDataset(
    {
      ...bundled,
      articles: [{ ...bundled.articles[0]!, id: 'lib-a', url: 'https://lib.example/a' }],
      statements: bundled.statements
        .filter((s) => s.article === bundled.articles[0]!.id)
        .map((s) => ({ ...s, id: s.id.replace(/^[^:]+/, 'lib-a'), article: 'lib-a' })),
      coverage: [],
    },
    1,
  );
  return entry!;
}

describe('loadMergedDataset', () => {
  it('is the bundled dataset alone while the library is empty', async () => {
    expect(await loadMergedDataset()).toBe(bundled);
  });

  it("adds the library's articles, read through its own handle or one the caller holds", async () => {
    await Library.use((l) => l.put(libraryEntry()));
    const merged = await loadMergedDataset();
    expect(merged.articles.map((a) => a.id)).toContain('lib-a');
    expect(merged.statements.some((s) => s.article === 'lib-a')).toBe(true);
    const held = await Library.use((l) => loadMergedDataset(l));
    expect(held).toEqual(merged);
    await Library.use((l) => l.clear());
  });

  it('leaves out a stored entry it cannot read, logged, and keeps the others', async () => {
    const good = libraryEntry();
    const broken = {
      ...good,
      id: 'lib-b',
      article: { ...good.article, id: 'lib-b', url: null },
      statements: good.statements.map((s, i) => ({
        ...s,
        id: `lib-b:s${i}`,
        article: 'lib-b',
        // What an older version or a bug might have left: a statement without its text.
        ...(i === 0 ? { text: null } : {}),
      })),
    };
    await Library.use(async (l) => {
      await l.put(good);
      await l.put(broken as unknown as typeof good);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const merged = await loadMergedDataset();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not readable'), ['lib-b']);
    warn.mockRestore();
    expect(merged.articles.map((a) => a.id)).toContain('lib-a');
    expect(merged.articles.map((a) => a.id)).not.toContain('lib-b');
    // What every card and search reads from it still works.
    expect(documentsOf(merged).length).toBeGreaterThan(documentsOf(bundled).length);
    await Library.use((l) => l.clear());
  });

  it('keeps the bundled dataset when the library cannot be read', async () => {
    const use = vi.spyOn(Library, 'use').mockRejectedValueOnce(new Error('IndexedDB is broken'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await loadMergedDataset()).toBe(bundled);
    expect(error).toHaveBeenCalledOnce();
    use.mockRestore();
    error.mockRestore();
  });
});
