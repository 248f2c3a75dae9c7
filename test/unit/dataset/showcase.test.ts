import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildFromDisk } from '../../../scripts/lib/dataset-files';
import { ShowcaseSchema } from '../../../src/dataset/reference';
import { buildSearchIndex, documentsOf, RecordLookup, SearchIndex } from '../../../src/search';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('showcase.json', () => {
  it('is valid, and every suggestion and the sample outlet exist in the bundled dataset', async () => {
    const raw = JSON.parse(
      await readFile(path.join(ROOT, 'assets/reference/showcase.json'), 'utf8'),
    ) as unknown;
    const showcase = v.parse(ShowcaseSchema, raw);
    const { dataset } = await buildFromDisk(
      path.join(ROOT, 'assets/articles'),
      path.join(ROOT, 'assets/reference'),
    );
    expect(dataset.articles.some((a) => a.outlet === showcase.sampleOutlet)).toBe(true);
    const index = SearchIndex.from(buildSearchIndex(documentsOf(dataset)));
    // A loaded index holds no shown text: its rows are read from the dataset.
    const records = new RecordLookup(dataset);
    for (const s of showcase.suggestions) expect(index.search(s, 1, records), s).toHaveLength(1);
  });

  it('refuses an empty list of suggestions or an outlet that is no id', () => {
    expect(v.safeParse(ShowcaseSchema, { suggestions: [], sampleOutlet: 'cnn' }).success).toBe(
      false,
    );
    expect(v.safeParse(ShowcaseSchema, { suggestions: ['x'], sampleOutlet: 'CNN' }).success).toBe(
      false,
    );
  });
});
