/**
 * `npm run bench`: every figure the issues ask for, each beside a baseline measured in the
 * same run, and checked against its budget. Exits 1 when a budget is missed.
 *
 *   npm run bench                       all of it (needs `npm run build` first)
 *   npm run bench -- --no-browser       skip the in-browser scan bench
 *   npm run bench -- --coverage         only the counter-coverage bench (no build needed)
 *   npm run bench -- --search           only the search and library-index bench (no build needed)
 *   npm run bench -- --corpus 20        scan only the first 20 corpus pages
 *   npm run bench -- --json out.json    also write the figures as JSON
 *   npm run bench -- --languages        only the pages in other languages, in the browsers
 *   npm run bench -- --scan             only the in-browser scans (every page, both browsers)
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CORPUS_LOADS, LANGUAGE_LOADS, benchBrowsers, type PageFigure } from './browser-bench';
import { benchCoverage } from './coverage-bench';
import { PACKAGED } from '../../src/shared/packaged-files';
import { benchDataset, benchRunOn } from './dataset-bench';
import { buildFromDisk } from '../lib/dataset-files';
import { corpusDir, hasCorpus, RUSSIAN_SOURCE } from './pages';
import { benchLibraryInWorker, benchSearch, type LibraryFigures } from './search-bench';
import { round } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

interface Budget {
  name: string;
  value: number;
  limit: number;
  unit: string;
  /** What the figure is compared with, measured in the same run. */
  baseline?: string;
}
const budgets: Budget[] = [];
const check = (name: string, value: number, limit: number, unit: string, baseline?: string) =>
  budgets.push({ name, value, limit, unit, baseline });

/** Budgets whose figure this run could not make, and why (listed with the budgets). */
const skipped: { name: string; reason: string }[] = [];
const skip = (name: string, reason: string) => skipped.push({ name, reason });

/** Why a part of the shared corpus cannot be used, or null when it is there. */
const noCorpus = (part: string): string | null =>
  hasCorpus(ROOT, part)
    ? null
    : `no ${path.join(corpusDir(ROOT), part)} (../shared/corpus, or COUNTERPOINT_CORPUS)`;

/**
 * `check` for a figure made from data cut from the corpus articles (generated statements and
 * articles, the 2 MB page): without them it is made from the two seed articles alone, a
 * different workload, so it is printed and listed as skipped rather than held to the goal.
 */
const checkCut = (name: string, value: number, limit: number, unit: string, baseline?: string) => {
  const missing = noCorpus('articles');
  if (!missing) return check(name, value, limit, unit, baseline);
  skip(
    name,
    `${missing}: ${value} ${unit} on data cut from the seed articles alone, not held to the goal`,
  );
};

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

function bundleSizes() {
  const out = path.join(ROOT, '.output/chrome-mv3');
  if (!existsSync(out)) throw new Error('no build: run `npm run build` first');
  const file = (rel: string) => {
    const body = readFileSync(path.join(out, rel));
    return { file: rel, kb: kb(body.length), gzipKb: kb(gzipSync(body).length) };
  };
  const chunk = (prefix: string) =>
    readdirSync(path.join(out, 'chunks')).find((f) => f.startsWith(prefix));
  const rows = [
    file('content-scripts/content.js'),
    file(PACKAGED.cardModule),
    file('background.js'),
    ...['popup-', 'options-', 'compare-']
      .map(chunk)
      .filter((f): f is string => !!f)
      .map((f) => file(`chunks/${f}`)),
    file(PACKAGED.dataset),
    file(PACKAGED.searchIndex),
  ];
  const total = (dir: string): number =>
    readdirSync(dir).reduce((n, f) => {
      const p = path.join(dir, f);
      return n + (statSync(p).isDirectory() ? total(p) : statSync(p).size);
    }, 0);
  return { rows, totalKb: kb(total(out)) };
}

/** Counter-coverage: pipeline per article, grouping growth, the 50-version card. */
async function coverageSection(report: Record<string, unknown>) {
  console.log(
    '\n== Counter-coverage (baselines: extraction alone; exact-text grouping; one diff per version) ==',
  );
  if (noCorpus('coverage')) {
    console.log(
      `${noCorpus('coverage')}: the pipeline is timed on the seed articles alone, not on the real ` +
        'coverage; the grouping and card figures do not need it.',
    );
  }
  const c = await benchCoverage(ROOT);
  report.coverage = c;
  console.log(
    `pipeline: ${c.pipeline.perArticleMs} ms per article over ${c.pipeline.articles} real articles ` +
      `(extraction alone ${c.pipeline.extractionPerArticleMs} ms)`,
  );
  console.table(c.grouping);
  const [small, large] = c.grouping;
  if (small && large)
    console.log(
      `grouping: ${large.statements / small.statements}x the statements took ` +
        `${round(large.groupingMs / Math.max(small.groupingMs, 1))}x the time ` +
        `(quadratic would be ${(large.statements / small.statements) ** 2}x)`,
    );
  console.table([c.card]);
  check('card for a 50-version utterance (median)', c.card.medianMs, 5, 'ms');
  if (small && large)
    checkCut(
      'grouping growth per statement, 10k vs 1k articles',
      round(large.perStatementUs / Math.max(small.perStatementUs, 0.01)),
      3,
      'x',
    );
}

/** Fresh workers the reader library's figures are taken in (the median first build's run). */
const LIBRARY_RUNS = 3;

/** Search over generated datasets and a reader's 10,000-article library. */
async function searchSection(report: Record<string, unknown>) {
  console.log('\n== Search (generated datasets; baseline: plain fuse.js over every record) ==');
  if (noCorpus('articles')) {
    console.log(
      `${noCorpus('articles')}: the generated statements are cut from the two seed articles ` +
        'alone, so the vocabulary is smaller than in the runs the budgets are set for; the search ' +
        'and library figures below are made and printed, and their budgets listed as skipped.',
    );
  }
  const search = [await benchSearch(ROOT, 10_000, 10), await benchSearch(ROOT, 100_000, 3)];
  console.table(search);
  report.search = search;
  const [at10k, at100k] = [search[0]!, search[1]!];
  const fuseP95 = (s: typeof at10k) => `plain fuse.js p95 ${s.fuseP95Ms} ms`;
  checkCut('search p95 per keystroke @10k', at10k.keystrokeP95Ms, 10, 'ms', fuseP95(at10k));
  checkCut('search p95 per keystroke @100k', at100k.keystrokeP95Ms, 15, 'ms', fuseP95(at100k));
  checkCut(
    `cold load + first keystroke @100k (median of ${at100k.coldRuns} fresh workers)`,
    at100k.coldFirstQueryMs,
    50,
    'ms',
    `JSON.parse of the plain records ${at100k.recordsLoadMs} ms; slowest run ` +
      `${at100k.coldFirstQueryMaxMs} ms; in the bench's own process ${at100k.coldInProcessMs} ms`,
  );
  checkCut(
    'search index @100k, whole file',
    mb(at100k.indexBytes),
    8,
    'MB',
    `plain records ${mb(at100k.recordsBytes)} MB, of which shown text ${mb(at100k.textBytes)} MB`,
  );
  for (const s of search) {
    console.log(
      `@${s.statements / 1000}k: p95 ${s.keystrokeP95Ms} ms vs plain fuse.js ${s.fuseP95Ms} ms ` +
        `(${Math.round(s.fuseP95Ms / Math.max(s.keystrokeP95Ms, 0.01))}x faster); ` +
        `cold load + first keystroke ${s.coldFirstQueryMs} ms (median of ${s.coldRuns} fresh ` +
        `workers, slowest ${s.coldFirstQueryMaxMs} ms; parsing the plain records alone: ` +
        `${s.recordsLoadMs} ms; of the dataset, which the background holds: ${s.datasetLoadMs} ms); ` +
        `index ${mb(s.indexBytes)} MB (${mb(s.searchBytes)} MB of columns search reads; the ` +
        `${mb(s.textBytes)} MB of text results show stay in the dataset; plain records: ` +
        `${mb(s.recordsBytes)} MB)`,
    );
  }

  console.log('\n== A reader library of 10,000 articles (beside the bundled dataset) ==');
  const { dataset: bundled } = await buildFromDisk(
    path.join(ROOT, 'assets/articles'),
    path.join(ROOT, 'assets/reference'),
  );
  // The run whose first build is the median of LIBRARY_RUNS fresh workers: one run's build took
  // 491 and 542 ms in two full runs where the machine was slow (a full rebuild 329–331 ms
  // against 203–244), and 271–344 ms in others.
  const runs: LibraryFigures[] = [];
  for (let i = 0; i < LIBRARY_RUNS; i++)
    runs.push(await benchLibraryInWorker(ROOT, bundled, 10_000));
  runs.sort((a, b) => a.buildMs - b.buildMs);
  const library = { ...runs[runs.length >> 1]!, buildRunsMs: runs.map((r) => r.buildMs) };
  console.table([library]);
  report.library = library;
  console.log(
    `library: p95 ${library.keystrokeP95Ms} ms per keystroke vs plain fuse.js ${library.fuseMs} ms; ` +
      `first build ${library.buildMs} ms of work in slices of at most ${library.buildLongestSliceMs} ms ` +
      `(${library.buildWallMs} ms from start to end), then typo tables ${library.typoTablesMs} ms ` +
      `in a task of their own; one article added ${library.addMs} ms, ` +
      `deleted ${library.deleteMs} ms vs a full rebuild ${library.rebuildMs} ms`,
  );
  const rebuild = `full rebuild ${library.rebuildMs} ms`;
  checkCut(
    'search p95 per keystroke, 10k-article library',
    library.keystrokeP95Ms,
    15,
    'ms',
    `plain fuse.js, one query ${library.fuseMs} ms`,
  );
  checkCut(
    `library index first build (work; median of ${LIBRARY_RUNS} fresh workers: ${library.buildRunsMs.join(', ')} ms)`,
    library.buildMs,
    500,
    'ms',
    rebuild,
  );
  checkCut('library index: add one article', library.addMs, 50, 'ms', rebuild);
  checkCut('library index: delete one article', library.deleteMs, 50, 'ms', rebuild);
}

async function main() {
  const report: Record<string, unknown> = {};
  const started = performance.now();
  if (flag('--coverage')) {
    await coverageSection(report);
    return finish(report, started);
  }
  if (flag('--search')) {
    await searchSection(report);
    return finish(report, started);
  }

  console.log('\n== Bundle (Chrome build) ==');
  const sizes = bundleSizes();
  console.table(sizes.rows);
  console.log(`whole extension: ${sizes.totalKb} KB`);
  report.bundle = sizes;
  const content = sizes.rows[0]!;
  check('content script, minified', content.kb, 30, 'KB');

  if (flag('--languages') || flag('--scan')) {
    await benchBrowserScans(report, flag('--scan') ? 'all' : 'languages');
    return finish(report, started);
  }

  await searchSection(report);

  console.log('\n== Dataset build (1,000 generated articles; baseline: the seeds) ==');
  if (noCorpus('articles')) {
    console.log(
      `${noCorpus('articles')}: the generated articles are cut from the two seed articles alone; ` +
        'the figures are made, but do not compare them with runs that had the corpus (no budget).',
    );
  }
  const dataset = await benchDataset(ROOT, 1000);
  console.table([dataset]);
  report.dataset = dataset;

  console.log('\n== Pipeline on one long paragraph (baseline: the same text as paragraphs) ==');
  const runOn = await benchRunOn(ROOT);
  console.table(runOn);
  report.runOn = runOn;
  const [first, , last] = runOn;
  check('pipeline, one 200 KB paragraph', last!.oneParagraphMs, 1000, 'ms');
  // Linear: 20 times the text, at most about 20 times the time (cubic was 8,000).
  check(
    'pipeline, 200 KB vs 10 KB paragraph (linear: about 20)',
    Math.round((last!.oneParagraphMs / Math.max(1, first!.oneParagraphMs)) * 10) / 10,
    30,
    'x',
  );

  if (!flag('--no-browser')) await benchBrowserScans(report, 'all');
  await coverageSection(report);
  finish(report, started);
}

/** Prints the budgets, writes the JSON report if asked, and sets the exit code. */
function finish(report: Record<string, unknown>, started: number) {
  console.log('\n== Budgets ==');
  for (const b of budgets) {
    const ok = b.value <= b.limit;
    const baseline = b.baseline ? `; baseline, same run: ${b.baseline}` : '';
    console.log(
      `${ok ? 'PASS' : 'OVER'}  ${b.name}: ${b.value} ${b.unit} (goal ≤ ${b.limit}${baseline})`,
    );
  }
  for (const s of skipped) console.log(`SKIP  ${s.name}: ${s.reason}`);
  report.budgets = budgets;
  report.skipped = skipped;
  const json = option('--json');
  if (json) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nbench took ${Math.round((performance.now() - started) / 1000)} s`);
  if (budgets.some((b) => b.value > b.limit)) process.exitCode = 1;
}

/** The in-browser scans: everything, or only the pages in other languages. */
async function benchBrowserScans(report: Record<string, unknown>, only: 'all' | 'languages') {
  console.log(
    "\n== Scan in the browsers (baseline: a bare TreeWalker text read in a content script's world, on a load our scan leaves alone) ==",
  );
  const limit = option('--corpus') ? Number(option('--corpus')) : Infinity;
  const browsers = await benchBrowsers(ROOT, limit, only);
  report.browsers = browsers;
  for (const b of browsers) {
    if (b.skipped) {
      console.log(`${b.browser}: skipped (${b.skipped})`);
      continue;
    }
    console.log(`\n${b.browser}`);
    if (b.languages) {
      const { russianPage, corpus } = b.languages;
      console.log(
        `pages in other languages (medians of ${LANGUAGE_LOADS} loads; ratios: each load):`,
      );
      console.table(
        [...(russianPage ? [russianPage] : []), ...corpus].map((f) => ({
          ...f,
          ratios: f.ratios.join(' '),
        })),
      );
      const russianName = `${b.browser}: Russian 2 MB page scan vs text read (median of ${LANGUAGE_LOADS} loads${russianPage ? `; against the read after the scan: ${russianPage.afterScanRatio} x` : ''})`;
      if (russianPage) check(russianName, russianPage.ratio, 2, 'x');
      else skip(russianName, `${noCorpus(RUSSIAN_SOURCE)}: the page is made from that article`);
      const foreignName = `${b.browser}: non-English corpus pages, median scan vs text read (${LANGUAGE_LOADS} loads each${corpus.length ? `; against the read after the scan: ${upperMedian(corpus.map((f) => f.afterScanRatio))} x` : ''})`;
      if (corpus.length) check(foreignName, upperMedian(corpus.map((f) => f.ratio)), 2, 'x');
      else skip(foreignName, noCorpus('pages') ?? 'no page there is in another language');
    }
    if (only === 'languages') continue;
    console.table([b.largePage]);
    console.log('append 50 KB:', b.append50k);
    console.log('corpus:', { ...b.corpus, worst: undefined, all: undefined });
    console.table(b.corpus?.worst ?? []);
    if (b.largePage) {
      console.log(
        `${b.browser} 2 MB page: ${b.largePage.ratio}x a read in the content script's world, ` +
          `${b.largePage.pageRatio}x a read in the page's own world`,
      );
      // From the seeds alone nearly every paragraph names someone (13,128 mentions, against
      // about 3,200 with the corpus articles): another page, not held to the goal.
      checkCut(
        `${b.browser}: 2 MB page scan vs text read (against the read after the scan: ${b.largePage.afterScanRatio} x)`,
        b.largePage.ratio,
        3,
        'x',
      );
      checkCut(`${b.browser}: 2 MB page longest task`, b.largePage.longestSliceMs, 50, 'ms');
    }
    if (!b.corpus) {
      const reason = noCorpus('pages') ?? 'no corpus page was measured';
      for (const name of [
        'corpus median scan vs text read (and of pages read in 1 ms or more)',
        'corpus longest task',
        'quiet marks / every mention on the densest corpus pages',
      ])
        skip(`${b.browser}: ${name}`, reason);
    } else {
      reportMarks(b.browser, b.corpus.all);
      check(
        `${b.browser}: corpus median scan vs text read (against the read after the scan: ${b.corpus.afterScanMedianRatio} x)`,
        b.corpus.medianRatio,
        3,
        'x',
      );
      check(
        `${b.browser}: corpus median scan vs text read, pages read in 1 ms or more (median of ${CORPUS_LOADS} loads each; first loads alone: ${b.corpus.firstLoadMedianRatioOver1ms} x; against the read after the scan: ${b.corpus.afterScanMedianRatioOver1ms} x over the ${b.corpus.afterScanPagesOver1ms} pages read after it in 1 ms or more, ${b.corpus.afterScanMedianRatioSamePages} x over these ${b.corpus.pagesOver1ms})`,
        b.corpus.medianRatioOver1ms,
        2,
        'x',
      );
      check(`${b.browser}: corpus longest task`, b.corpus.maxLongestSliceMs, 50, 'ms');
    }
  }
}

await main();

/** The middle value, the upper one of an even count (0 for none): what the page budgets check. */
function upperMedian(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
}

/** Marks on the corpus pages: quiet default against every mention, same scan. */
function reportMarks(browser: string, pages: PageFigure[]): void {
  // Political stories the quiet default must at least halve (a mark on every other line).
  const DENSE_PAGES = ['breitbart.html', 'yahoo-2.html', 'nytimes-1.html'];
  const densest = [...pages].sort((a, b) => b.mentions - a.mentions).slice(0, 5);
  console.log(
    `${browser} marks per corpus page, median: ${upperMedian(pages.map((p) => p.marks))} quiet, ` +
      `${upperMedian(pages.map((p) => p.mentions))} every mention; pages with a mention: ` +
      `${upperMedian(pages.filter((p) => p.mentions > 0).map((p) => p.marks))} quiet, ` +
      `${upperMedian(pages.filter((p) => p.mentions > 0).map((p) => p.mentions))} every`,
  );
  console.table(densest.map((p) => ({ page: p.page, quiet: p.marks, every: p.mentions })));
  for (const name of DENSE_PAGES) {
    const p = pages.find((f) => f.page === name);
    if (!p) continue;
    console.log(`${browser} ${name}: ${p.marks} marks quiet, ${p.mentions} every mention`);
    check(
      `${browser}: ${name} quiet marks / every mention`,
      round(p.marks / Math.max(1, p.mentions)),
      0.5,
      'x',
    );
  }
}
