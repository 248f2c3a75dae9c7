import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasCorpus, realParagraphs } from '../../../scripts/bench/pages';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// The bench runs without ../shared/corpus (the repo does not carry it): what it cuts its
// generated data from must then come from the seed articles, not fail.
describe('bench data without the shared corpus', () => {
  let dir: string;
  const saved = process.env.COUNTERPOINT_CORPUS;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'counterpoint-corpus-'));
    process.env.COUNTERPOINT_CORPUS = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.COUNTERPOINT_CORPUS;
    else process.env.COUNTERPOINT_CORPUS = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('cuts paragraphs from the seeds alone when the corpus has no articles', () => {
    expect(hasCorpus(ROOT, 'articles')).toBe(false);
    expect(hasCorpus(ROOT, 'pages')).toBe(false);
    const seeds = realParagraphs(ROOT);
    expect(seeds.length).toBeGreaterThan(10);
    expect(seeds.every((p) => p.length > 60)).toBe(true);

    const extra = `A corpus paragraph long enough to be taken, about a summit that never was. ${'x'.repeat(20)}`;
    mkdirSync(path.join(dir, 'articles'));
    writeFileSync(path.join(dir, 'articles', 'one.txt'), `Title\n\n${extra}\n`);
    expect(hasCorpus(ROOT, 'articles')).toBe(true);
    const withCorpus = realParagraphs(ROOT);
    expect(withCorpus).toEqual([...seeds, extra]);
  });
});
