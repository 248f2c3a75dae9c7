/**
 * Counter-coverage bench: the pipeline per article on real coverage (against extraction alone),
 * utterance grouping on 1,000 and 10,000 generated articles (against exact-text aggregation,
 * the cheapest grouping there is), and the card for a 50-version utterance (against the old
 * card's one diff per version). Every baseline is measured in the same run.
 */
import path from 'node:path';
import { buildCard, indexDataset } from '../../src/cards/build-card';
import { buildDataset, type ArticleInput, type Dataset } from '../../src/dataset';
import { extractStatements } from '../../src/dataset/attribute';
import { cleanArticle } from '../../src/dataset/clean';
import { PeopleRegistry } from '../../src/dataset/people-registry';
import type { Statement } from '../../src/dataset/types';
import { groupUtterances } from '../../src/dataset/utterances';
import { wordDiff } from '../../src/diff/word-diff';
import { readArticles, readReference } from '../lib/dataset-files';
import { corpusDir, hasCorpus, realParagraphs } from './pages';
import { percentile, round } from './stats';

export interface CoverageFigures {
  pipeline: { articles: number; perArticleMs: number; extractionPerArticleMs: number };
  grouping: {
    articles: number;
    statements: number;
    largestBlock: number;
    groupingMs: number;
    perStatementUs: number;
    exactTextMs: number;
  }[];
  card: { versions: number; wordings: number; medianMs: number; p95Ms: number; oldCardMs: number };
}

const time = (fn: () => void, runs: number): number[] =>
  Array.from({ length: runs }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  });

/** A deterministic random source. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Real sentences of 8–40 words, for generated quotations. */
function sentences(root: string): string[] {
  return realParagraphs(root)
    .flatMap((p) => p.split(/(?<=[.!?])\s+/))
    .filter((s) => {
      const n = s.split(/\s+/).length;
      return n >= 8 && n <= 40;
    });
}

/**
 * Statements of `articles` generated articles, ~8 each: speakers drawn with a skew (a few speak
 * in many articles, as leaders do), half of each speaker's statements other outlets' renderings
 * of a remark already made (words dropped and swapped), the rest new remarks.
 */
export function generateStatements(root: string, articles: number): Statement[] {
  const pool = sentences(root);
  const next = random(11);
  const speakers = 50 + Math.floor(articles / 20);
  const said = new Map<number, string[]>();
  const out: Statement[] = [];
  for (let a = 0; a < articles; a++) {
    for (let i = 0; i < 8; i++) {
      const speaker = Math.floor(speakers * next() ** 3);
      const before = said.get(speaker) ?? [];
      let text: string;
      if (before.length && next() < 0.5) {
        const words = before[Math.floor(next() * before.length)]!.split(' ');
        text = words.filter(() => next() > 0.15).join(' ');
      } else {
        text = pool[Math.floor(next() * pool.length)]!;
        before.push(text);
        said.set(speaker, before);
      }
      out.push({
        id: `g${a}:s${i + 1}`,
        article: `g${a}`,
        paragraph: i,
        speaker: `p${speaker}`,
        kind: next() < 0.8 ? 'quote' : 'paraphrase',
        text,
        channel: null,
      });
    }
  }
  return out;
}

/** Exact-text aggregation (Quotebank's first step): one Map lookup per statement. */
function exactText(statements: readonly Statement[]): number {
  const groups = new Map<string, string[]>();
  for (const s of statements) {
    const key = `${s.speaker}\u0000${s.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')}`;
    const list = groups.get(key);
    if (list) list.push(s.id);
    else groups.set(key, [s.id]);
  }
  return groups.size;
}

/** A dataset with one utterance reported by `n` outlets: wire copies and reworded versions. */
function manyVersions(n: number): Dataset {
  const base =
    'did everything that he had promised in advance, even blowing up the tunnels and shafts of the test site';
  const variants = [
    base,
    'has done everything he previously promised; he even blew up the tunnels and mines at the test site',
    'on his part did everything he promised to do, even blew up some tunnels on their sites',
    'did everything he had promised, even blowing up tunnels and shafts at the site',
    'has done all that he promised beforehand and even blew up the tunnels and the shafts',
  ];
  const outlets = Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    name: `Outlet ${i}`,
    country: 'US',
    ownership: 'private',
    homepage: null,
  }));
  const articles = outlets.map((o, i) => ({
    id: `a${i}`,
    file: `a${i}.txt`,
    outlet: o.id,
    title: `Article ${i}`,
    published: '2018-05-24',
    url: `https://example.org/${i}`,
    language: 'en',
    paragraphs: ['Putin said.'],
  }));
  const statements: Statement[] = articles.map((a, i) => ({
    id: `${a.id}:s1`,
    article: a.id,
    paragraph: 0,
    speaker: 'vladimir-putin',
    kind: 'quote',
    text: variants[i % 3 === 0 ? 0 : i % variants.length]!,
    channel: null,
  }));
  return {
    version: 1,
    articles,
    outlets,
    people: [
      {
        id: 'vladimir-putin',
        name: 'Vladimir Putin',
        aliases: [],
        shortForms: ['Putin'],
        ambiguousShortForms: [],
        namesakes: [],
        titles: [],
        role: null,
        country: 'RU',
        source: 'reference',
      },
    ],
    events: [],
    statements,
    coverage: [{ id: 'c1', statements: statements.map((s) => s.id), similarity: 0.5, diff: [] }],
    exclusives: [],
  };
}

export async function benchCoverage(root: string): Promise<CoverageFigures> {
  const reference = await readReference(path.join(root, 'assets/reference'));
  // Without the corpus, the seeds alone (the section says so).
  const inputs: ArticleInput[] = [
    ...(await readArticles(path.join(root, 'assets/articles'))),
    ...(hasCorpus(root, 'coverage')
      ? await readArticles(path.join(corpusDir(root), 'coverage'))
      : []),
  ];
  const runs = 5;
  const build = time(() => buildDataset(inputs, reference), runs);
  const extract = time(() => {
    for (const input of inputs) {
      const clean = cleanArticle(input.text);
      extractStatements(
        clean.paragraphs.map((p) => p.text),
        new PeopleRegistry(reference.people),
      );
    }
  }, runs);

  const grouping = [1000, 10_000].map((articles) => {
    const statements = generateStatements(root, articles);
    const blocks = new Map<string | null, number>();
    for (const s of statements) blocks.set(s.speaker, (blocks.get(s.speaker) ?? 0) + 1);
    const t = performance.now();
    groupUtterances(statements);
    const groupingMs = performance.now() - t;
    const exactMs = Math.min(...time(() => exactText(statements), 3));
    return {
      articles,
      statements: statements.length,
      largestBlock: Math.max(...blocks.values()),
      groupingMs: Math.round(groupingMs),
      perStatementUs: round((groupingMs / statements.length) * 1000),
      exactTextMs: round(exactMs),
    };
  });

  const dataset = manyVersions(50);
  const index = indexDataset(dataset);
  buildCard(index, 'vladimir-putin', wordDiff); // the index's lazy parts, once per dataset
  const card = time(() => buildCard(index, 'vladimir-putin', wordDiff), 50);
  const texts = dataset.statements.map((s) => s.text);
  const old = time(() => {
    for (const t of texts.slice(1)) wordDiff(texts[0]!, t);
  }, 50);
  const built = buildCard(index, 'vladimir-putin', wordDiff)!;
  return {
    pipeline: {
      articles: inputs.length,
      perArticleMs: round(percentile(build, 0.5) / inputs.length),
      extractionPerArticleMs: round(percentile(extract, 0.5) / inputs.length),
    },
    grouping,
    card: {
      versions: built.groups[0]!.versions.length,
      wordings: built.groups[0]!.rows.length,
      medianMs: round(percentile(card, 0.5)),
      p95Ms: round(percentile(card, 0.95)),
      oldCardMs: round(percentile(old, 0.5)),
    },
  };
}
