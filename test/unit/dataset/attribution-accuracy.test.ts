import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readReference } from '../../../scripts/lib/dataset-files';
import { buildDataset } from '../../../src/dataset';
import labels from './fixtures/corpus-labels.json';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = process.env.COUNTERPOINT_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
const lastName = (s: string) => s.split(/\s+/).at(-1)!.toLowerCase();

describe.skipIf(!existsSync(path.join(CORPUS, 'articles')))(
  'speaker attribution on real articles',
  () => {
    it('reaches precision >= 0.95 and recall >= 0.90 over direct quotations', async () => {
      const reference = await readReference(path.join(ROOT, 'assets/reference'));
      let labelled = 0;
      let attributed = 0;
      let correct = 0;
      const wrong: string[] = [];
      for (const [file, quotes] of Object.entries(labels.articles)) {
        const text = await readFile(path.join(CORPUS, 'articles', file), 'utf8');
        const { dataset } = buildDataset([{ file, text, meta: null }], reference);
        const people = new Map(dataset.people.map((p) => [p.id, p.name]));
        for (const [start, expected] of quotes as [string, string | null][]) {
          const found = dataset.statements.find(
            (s) => s.kind === 'quote' && s.text.startsWith(start),
          );
          expect(found, `${file}: quotation "${start}" not extracted`).toBeDefined();
          const got = found!.speaker ? people.get(found!.speaker)! : null;
          if (expected) labelled++;
          if (got) attributed++;
          if (got && expected && lastName(got) === lastName(expected)) correct++;
          else if (got || expected)
            wrong.push(
              `${file}: "${start}" -> ${got ?? 'nobody'} (expected ${expected ?? 'nobody'})`,
            );
        }
      }
      const precision = correct / attributed;
      const recall = correct / labelled;
      console.log(
        `attribution: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${correct}/${attributed}/${labelled})\n${wrong.join('\n')}`,
      );
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    });
  },
);
