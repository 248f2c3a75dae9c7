import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  InputError,
  MetadataSchema,
  buildDataset,
  parseJsonFile,
  validateDataset,
} from '../../../src/dataset';
import { readReference } from '../../../scripts/lib/dataset-files';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ARTICLES = path.join(ROOT, 'assets/articles');
const SEED = 'rt-2018-05-24-putin-summit';

/** A seeded generator: a failure is reproducible from the seed in its message. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const ALPHABET = ' \n\t"“”‘’«»—–-.,:;!?()[]{}<>/\\abcXYZ0123456789 Putin Kim said told ';

function mutate(text: string, rand: () => number, edits: number): string {
  const chars = [...text];
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rand() * (chars.length + 1));
    const op = rand();
    const c = ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
    if (op < 0.4) chars.splice(at, 1);
    else if (op < 0.8) chars.splice(at, 0, c);
    else chars.splice(at, Math.floor(rand() * 200));
  }
  return chars.join('');
}

describe('fuzzing the pipeline', () => {
  it('builds a valid dataset from mutated article text, or says why, never crashing', async () => {
    const reference = await readReference(path.join(ROOT, 'assets/reference'));
    const text = await readFile(path.join(ARTICLES, `${SEED}.txt`), 'utf8');
    for (let seed = 1; seed <= 150; seed++) {
      const rand = random(seed);
      const input = {
        file: `fuzz-${seed}.txt`,
        text: mutate(text, rand, 1 + Math.floor(rand() * 60)),
        meta: { outlet: 'rt', published: '2018-05-24' },
      };
      let dataset;
      try {
        dataset = buildDataset([input] as never, reference).dataset;
      } catch (error) {
        // Only a clear input error is acceptable.
        expect(error, `seed ${seed}`).toBeInstanceOf(InputError);
        expect((error as InputError).file).toBe(input.file);
        continue;
      }
      expect(
        () => validateDataset(JSON.parse(JSON.stringify(dataset))),
        `seed ${seed}`,
      ).not.toThrow();
      for (const s of dataset.statements) expect(s.text.length, `seed ${seed}`).toBeGreaterThan(0);
    }
  }, 30_000); // 200 pipeline runs: ~1 s alone, several times that on a loaded machine

  it('rejects mutated metadata with the file and a line inside it, or accepts it', async () => {
    const text = await readFile(path.join(ARTICLES, `${SEED}.meta.json`), 'utf8');
    const lines = text.split('\n').length;
    let rejected = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const mutated = mutate(text, random(seed), 1 + (seed % 4));
      try {
        parseJsonFile('meta.json', mutated, MetadataSchema);
      } catch (error) {
        rejected++;
        expect(error, `seed ${seed}`).toBeInstanceOf(InputError);
        const e = error as InputError;
        expect(e.file).toBe('meta.json');
        expect(e.line, `seed ${seed}`).toBeGreaterThanOrEqual(1);
        expect(e.line, `seed ${seed}`).toBeLessThanOrEqual(
          Math.max(lines, mutated.split('\n').length),
        );
        expect(e.message).toMatch(/^meta\.json:\d+: /);
      }
    }
    // The mutations do break most files: the test exercises the error path.
    expect(rejected).toBeGreaterThan(150);
  });
});
