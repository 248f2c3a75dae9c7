/**
 * npm run dataset -- [--articles DIR] [--out FILE] [--reference DIR]
 * Builds the dataset from article files. A malformed input stops the run with file, line and
 * problem, a non-zero exit, and nothing written (the output is replaced atomically).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../src/dataset';
import { buildFromDisk, serialise } from './lib/dataset-files';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: 'assets/articles' },
    reference: { type: 'string', default: 'assets/reference' },
    out: { type: 'string', default: '.generated/dataset.json' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('usage: npm run dataset -- [--articles DIR] [--out FILE] [--reference DIR]');
  process.exit(0);
}

try {
  const started = performance.now();
  const { dataset, warnings } = await buildFromDisk(values.articles!, values.reference!);
  for (const w of warnings) console.warn(`warning: ${w.file}: ${w.message}`);
  const out = path.resolve(values.out!);
  await mkdir(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, serialise(dataset));
  await rename(tmp, out);
  console.log(
    `dataset: ${dataset.articles.length} articles, ${dataset.statements.length} statements, ` +
      `${dataset.people.length} people, ${dataset.coverage.length} links -> ${path.relative(process.cwd(), out)} ` +
      `(${Math.round(performance.now() - started)} ms)`,
  );
} catch (error) {
  if (error instanceof InputError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
