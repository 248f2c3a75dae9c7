/**
 * Node side of the dataset pipeline: reads article files, sidecar metadata and reference data
 * from disk and hands them to the pure pipeline in src/dataset.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import {
  InputError,
  MetadataSchema,
  ReferenceFiles,
  buildDataset,
  lineOfKey,
  parseJsonFile,
  referenceFromFiles,
  type ArticleInput,
  type DatasetWarning,
  type ReferenceData,
} from '../../src/dataset';
import { extractArticle } from '../../src/dataset/html';
import type { Dataset } from '../../src/dataset/types';

/** Reads and validates assets/reference/{outlets,people,events}.json. */
export async function readReference(dir: string): Promise<ReferenceData> {
  const read = async <K extends keyof typeof ReferenceFiles>(name: K) => {
    const file = path.join(dir, name);
    return parseJsonFile(
      path.relative(process.cwd(), file),
      await readFile(file, 'utf8'),
      ReferenceFiles[name],
    );
  };
  return referenceFromFiles({
    outlets: await read('outlets.json'),
    people: await read('people.json'),
    events: await read('events.json'),
  });
}

/** Reads every .txt and .html article under `dir` with its optional NAME.meta.json. */
export async function readArticles(dir: string): Promise<ArticleInput[]> {
  const names = (await readdir(dir, { recursive: true })).map(String).sort();
  const inputs: ArticleInput[] = [];
  for (const name of names) {
    const ext = path.extname(name);
    if (ext !== '.txt' && ext !== '.html') continue;
    const file = path.join(dir, name);
    const rel = name.split(path.sep).join('/');
    const shown = path.relative(process.cwd(), file);
    const metaFile = file.slice(0, -ext.length) + '.meta.json';
    let meta = null;
    let metaSource: ArticleInput['metaSource'];
    try {
      const metaText = await readFile(metaFile, 'utf8');
      const shownMeta = path.relative(process.cwd(), metaFile);
      meta = parseJsonFile(shownMeta, metaText, MetadataSchema);
      metaSource = { file: shownMeta, outletLine: lineOfKey(metaText, ['outlet']) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const raw = await readFile(file, 'utf8');
    if (raw.includes('\u0000')) throw new InputError(shown, 1, 'not a text file (NUL byte)');
    if (ext === '.html') {
      const { document } = parseHTML(raw);
      const page = extractArticle(document as unknown as Document);
      if (!page) throw new InputError(shown, 1, 'no article found in the HTML (Readability)');
      inputs.push({
        file: rel,
        text: page.text,
        meta: { ...meta, title: meta?.title ?? page.title },
        metaSource,
      });
    } else {
      if (raw.trim() === '') throw new InputError(shown, 1, 'the article is empty');
      inputs.push({ file: rel, text: raw, meta, metaSource });
    }
  }
  if (inputs.length === 0)
    throw new InputError(path.relative(process.cwd(), dir) || '.', 1, 'no .txt or .html articles');
  return inputs;
}

/** Builds the dataset from an articles directory and a reference directory. */
export async function buildFromDisk(
  articlesDir: string,
  referenceDir: string,
): Promise<{ dataset: Dataset; warnings: DatasetWarning[] }> {
  const [reference, inputs] = await Promise.all([
    readReference(referenceDir),
    readArticles(articlesDir),
  ]);
  return buildDataset(inputs, reference);
}

/** The dataset as written to disk: stable key order, two-space indent, final newline. */
export function serialise(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
