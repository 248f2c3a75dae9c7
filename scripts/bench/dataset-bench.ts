/**
 * Dataset bench: `buildDataset` on 1,000 articles made by recombining real paragraphs, against
 * the two seed articles built in the same run (per-article time).
 */
import path from 'node:path';
import { buildDataset, type ArticleInput } from '../../src/dataset';
import { readArticles, readReference } from '../lib/dataset-files';
import { realParagraphs } from './pages';
import { round } from './stats';

export interface DatasetFigures {
  articles: number;
  statements: number;
  coverage: number;
  buildMs: number;
  perArticleMs: number;
  seedPerArticleMs: number;
  datasetBytes: number;
}

/** `count` articles of 8–20 real paragraphs each, from seeded outlets, deterministic. */
export function generateArticles(root: string, count: number): ArticleInput[] {
  const paragraphs = realParagraphs(root);
  const outlets = ['rt', 'cnn'];
  let s = 7;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => {
    const n = 8 + Math.floor(next() * 13);
    const body = Array.from(
      { length: n },
      () => paragraphs[Math.floor(next() * paragraphs.length)]!,
    );
    return {
      file: `generated/article-${i}.txt`,
      text: [`Generated article ${i}`, ...body].join('\n\n'),
      meta: { outlet: outlets[i % outlets.length]!, published: '2018-05-24', language: 'en' },
    } as ArticleInput;
  });
}

export async function benchDataset(root: string, count = 1000): Promise<DatasetFigures> {
  const reference = await readReference(path.join(root, 'assets/reference'));
  const seeds = await readArticles(path.join(root, 'assets/articles'));
  const runs = 5;
  let t = performance.now();
  for (let i = 0; i < runs; i++) buildDataset(seeds, reference);
  const seedPerArticleMs = (performance.now() - t) / runs / seeds.length;

  const inputs = generateArticles(root, count);
  t = performance.now();
  const { dataset } = buildDataset(inputs, reference);
  const buildMs = performance.now() - t;
  return {
    articles: dataset.articles.length,
    statements: dataset.statements.length,
    coverage: dataset.coverage.length,
    buildMs: Math.round(buildMs),
    perArticleMs: round(buildMs / count),
    seedPerArticleMs: round(seedPerArticleMs),
    datasetBytes: JSON.stringify(dataset).length,
  };
}

export interface RunOnFigures {
  kb: number;
  /** The pipeline on one paragraph: `Putin said "we hope" and ` repeated, no sentence end. */
  oneParagraphMs: number;
  /** Baseline, same run: the same text as one sentence per paragraph. */
  paragraphsMs: number;
  statements: number;
}

/**
 * The pipeline on page-supplied text that is one long paragraph (issue 15: it was cubic),
 * at 10, 50 and 200 KB, beside the same text split into paragraphs.
 */
export async function benchRunOn(root: string, sizes = [10, 50, 200]): Promise<RunOnFigures[]> {
  const reference = await readReference(path.join(root, 'assets/reference'));
  const unit = 'Putin said "we hope" and ';
  const input = (text: string): ArticleInput => ({
    file: 'run-on.txt',
    text: `Run-on\n\n${text}`,
    meta: { outlet: 'rt', published: '2018-05-24', language: 'en' },
  });
  const time = (text: string) => {
    const t = performance.now();
    const { dataset } = buildDataset([input(text)], reference);
    return { ms: performance.now() - t, statements: dataset.statements.length };
  };
  time(unit.repeat(100)); // warm up
  return sizes.map((kb) => {
    const n = Math.ceil((kb * 1024) / unit.length);
    const one = time(unit.repeat(n));
    const split = time(Array.from({ length: n }, () => 'Putin said "we hope".').join('\n\n'));
    return {
      kb,
      oneParagraphMs: Math.round(one.ms),
      paragraphsMs: Math.round(split.ms),
      statements: one.statements,
    };
  });
}
