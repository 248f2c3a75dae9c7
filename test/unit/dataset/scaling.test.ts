import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset, type ArticleInput } from '../../../src/dataset';
import { readReference } from '../../../scripts/lib/dataset-files';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const reference = readReference(path.join(ROOT, 'assets/reference'));

/** One paragraph (no sentence ends) of `unit` repeated to `bytes`. */
function article(unit: string, bytes: number): ArticleInput {
  return {
    file: 'run-on.txt',
    text: `Run-on\n\n${unit.repeat(Math.ceil(bytes / unit.length))}`,
    meta: { outlet: 'rt', published: '2018-05-24', language: 'en' },
  } as ArticleInput;
}

const originalExec = RegExp.prototype.exec;
afterEach(() => {
  RegExp.prototype.exec = originalExec;
});

/**
 * Characters the pipeline's regular expressions scanned: every RegExp method
 * (test, match, matchAll, replace, split) goes through `exec` once it is replaced. A count,
 * not a clock, so the test says the same on a loaded machine.
 */
async function scanned(input: ArticleInput): Promise<{ chars: number; statements: number }> {
  const ref = await reference;
  let chars = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = originalExec.call(this, s);
    // Up to the end of the match, or of the text when there is none (a sticky one only
    // tries its own position: \`split\` steps one along the text that way).
    const end = m ? m.index + m[0].length : this.sticky ? from + 1 : String(s).length;
    chars += Math.max(1, end - from);
    return m;
  };
  try {
    const { dataset } = buildDataset([input], ref);
    return { chars, statements: dataset.statements.length };
  } finally {
    RegExp.prototype.exec = originalExec;
  }
}

describe('the pipeline on page-supplied text', () => {
  it.each([
    ['quotations', 'Putin said "we hope" and '],
    ['reported speech', 'Putin said that the talks will resume soon and '],
    ['new names', 'Alpha Bravo met Charlie Delta and '],
  ])('does linear work on one long paragraph of %s', async (_kind, unit) => {
    const small = await scanned(article(unit, 4_000));
    const large = await scanned(article(unit, 16_000));
    // Four times the text: about four times the work. Quadratic work would be 16 times.
    expect(large.chars / small.chars).toBeLessThan(6);
    if (unit.includes('"')) {
      // And it still finds every quotation.
      expect(large.statements).toBeGreaterThan(small.statements * 3.5);
    }
  });
});
