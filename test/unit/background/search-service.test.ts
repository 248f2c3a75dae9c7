import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, documentsOf, LibraryIndex, SearchIndex } from '../../../src/search';
import { PACKAGED } from '../../../src/shared/packaged-files';
import { IndexCache } from '../../../src/library/index-cache';
import { fixtureDataset } from '../cards/fixture';
import type { Dataset } from '../../../src/dataset/types';

import { SearchService } from '../../../src/background/search-service';

const bundled = fixtureDataset();
// The packaged files: the bundled index, and the dataset its rows are read from.
vi.stubGlobal(
  'fetch',
  vi.fn(async (url: string) => {
    if (url.endsWith(PACKAGED.searchIndex))
      return new Response(JSON.stringify(buildSearchIndex(documentsOf(bundled))));
    if (url.endsWith(PACKAGED.dataset)) return new Response(JSON.stringify(bundled));
    return new Response('', { status: 404 });
  }),
);

/** The bundled dataset plus one library article with one statement. */
function withLibrary(): Dataset {
  return {
    ...bundled,
    articles: [
      ...bundled.articles,
      {
        ...bundled.articles[0]!,
        id: 'lib-wire',
        title: 'Wire story',
        url: 'https://wire.example/1',
      },
    ],
    statements: [
      ...bundled.statements,
      {
        id: 'lib-wire:s1',
        article: 'lib-wire',
        paragraph: 0,
        speaker: null,
        kind: 'quote',
        text: 'a zeppelin of hope over Singapore',
        channel: null,
      },
    ],
  };
}

let n = 0;
const freshCache = () => new IndexCache(`cache-${++n}`);

describe('SearchService', () => {
  it('indexes the library once per revision and reuses it after a restart', async () => {
    const cache = freshCache();
    const dataset = vi.fn(async () => withLibrary());
    const first = new SearchService(dataset, async () => 7, { cache, cacheDelayMs: 0 });
    expect((await first.search('zepelin', 5)).map((r) => r.id)).toEqual(['lib-wire:s1']);
    expect(await first.search('zeppelin hope', 5)).toHaveLength(1);
    expect(dataset).toHaveBeenCalledTimes(1);
    await first.settled();

    // A restarted background: new service, same revision, no index built; the dataset is
    // read once, for the text of the rows (the cached index holds none).
    const build = vi.spyOn(LibraryIndex, 'build');
    const again = vi.fn(async () => withLibrary());
    const second = new SearchService(again, async () => 7, { cache, cacheDelayMs: 0 });
    const [hit] = await second.search('zeppelin', 5);
    expect(hit).toMatchObject({ id: 'lib-wire:s1', title: 'a zeppelin of hope over Singapore' });
    expect(await second.search('zeppelin hope', 5)).toHaveLength(1);
    expect(build).not.toHaveBeenCalled();
    expect(again).toHaveBeenCalledTimes(1);
    build.mockRestore();
  });

  it('builds each index’s typo tables in a task of their own once it is ready', async () => {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    await tick(); // earlier tests' services
    const prepare = vi.spyOn(SearchIndex.prototype, 'prepareTypos');
    const service = new SearchService(
      async () => withLibrary(),
      async () => 3,
      {
        cache: freshCache(),
        cacheDelayMs: 0,
      },
    );
    expect((await service.search('zepelin', 5)).map((r) => r.id)).toEqual(['lib-wire:s1']);
    await service.settled();
    await tick();
    // The bundled index and the library's, each once.
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(new Set(prepare.mock.instances).size).toBe(2);
    prepare.mockRestore();
  });

  it('rebuilds when the library changed', async () => {
    const cache = freshCache();
    let revision = 1;
    const service = new SearchService(
      async () => withLibrary(),
      async () => revision,
      { cache, cacheDelayMs: 0 },
    );
    expect(await service.search('zeppelin', 5)).toHaveLength(1);
    await service.settled();
    revision = 2;
    const emptied = new SearchService(
      async () => bundled,
      async () => revision,
      { cache, cacheDelayMs: 0 },
    );
    expect(await emptied.search('zeppelin', 5)).toEqual([]);
    await emptied.settled();
    expect(await cache.get(2)).toBeNull();
    expect(await cache.get(1)).toBeUndefined();
  });

  it('answers from the bundled index while the library index is being made', async () => {
    let release = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const service = new SearchService(
      async () => {
        await slow;
        return withLibrary();
      },
      async () => 3,
      { cache: freshCache(), cacheDelayMs: 0 },
    );
    const meanwhile = await service.search('singapore', 20);
    expect(meanwhile.length).toBeGreaterThan(0);
    expect(meanwhile.map((r) => r.id)).not.toContain('lib-wire:s1');
    release();
    await service.settled();
    expect((await service.search('singapore', 20)).map((r) => r.id)).toContain('lib-wire:s1');
  });

  it('updates the library index after a change without building it again', async () => {
    const cache = freshCache();
    let revision = 1;
    let dataset: Dataset = bundled;
    const service = new SearchService(
      async () => dataset,
      async () => revision,
      { cache, cacheDelayMs: 0 },
    );
    expect(await service.search('zeppelin', 5)).toEqual([]);
    const build = vi.spyOn(SearchIndex, 'buildInSlices');
    dataset = withLibrary();
    revision = 2;
    expect((await service.search('zeppelin', 5)).map((r) => r.id)).toEqual(['lib-wire:s1']);
    dataset = bundled;
    revision = 3;
    expect(await service.search('zeppelin', 5)).toEqual([]);
    expect(build).not.toHaveBeenCalled();
    await service.settled();
    expect(await cache.get(3)).toBeNull();
  });
});
