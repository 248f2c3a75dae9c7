import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the shared corpus lives: `../shared/corpus` beside the repo, or COUNTERPOINT_CORPUS. */
export function corpusDir(root: string): string {
  return process.env.COUNTERPOINT_CORPUS ?? path.resolve(root, '../shared/corpus');
}

/**
 * Whether `../shared/corpus` (or COUNTERPOINT_CORPUS) holds `part` ("articles", "pages",
 * "coverage"): the repo does not carry the corpus, and the bench makes what it can without it.
 */
export const hasCorpus = (root: string, part: string): boolean =>
  existsSync(path.join(corpusDir(root), part));

/**
 * Real paragraphs, blank-line separated: the seed articles and the corpus articles, or the
 * seeds alone without the corpus.
 */
export function realParagraphs(root: string): string[] {
  const dirs = [path.join(root, 'assets/articles')];
  if (hasCorpus(root, 'articles')) dirs.push(path.join(corpusDir(root), 'articles'));
  return dirs
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => path.join(dir, f)),
    )
    .flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n|\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 60);
}

/** Corpus pages whose `<html lang>` is not English, by file name. */
export function nonEnglishPages(root: string): { file: string; lang: string }[] {
  const dir = path.join(corpusDir(root), 'pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const head = readFileSync(path.join(dir, file), 'utf8').slice(0, 20_000);
      const lang = /<html[^>]*?\slang=["']?([A-Za-z-]+)/i.exec(head)?.[1] ?? '';
      return { file, lang: lang.toLowerCase() };
    })
    .filter((p) => p.lang && !p.lang.startsWith('en'));
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The corpus article the Russian 2 MB page takes its names from. */
export const RUSSIAN_SOURCE = 'coverage/ria-putin-kim-did-everything.txt';

/**
 * Russian paragraphs for the Russian 2 MB page: the corpus's RIA Novosti article (names in
 * several cases) among news prose without names, at the English 2 MB page's density of mentions.
 */
export function russianParagraphs(root: string): string[] {
  const ria = readFileSync(path.join(corpusDir(root), RUSSIAN_SOURCE), 'utf8')
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 60);
  const prose = [
    'В четверг в Москве прошло заседание правительства, на котором обсуждались вопросы развития транспортной инфраструктуры и строительства новых дорог в регионах.',
    'По данным министерства экономического развития, рост промышленного производства в первом квартале составил около двух процентов по сравнению с прошлым годом.',
    'Эксперты отмечают, что спрос на жильё в крупных городах остаётся высоким, а цены на квартиры в новостройках продолжают расти уже несколько месяцев подряд.',
    'Синоптики предупреждают о сильных дождях и порывистом ветре в ближайшие выходные; жителям рекомендуют не оставлять автомобили под деревьями.',
    'На пресс-конференции представители ведомства рассказали о новых мерах поддержки малого бизнеса, которые начнут действовать с первого июля.',
    'Аналитики связывают снижение курса рубля с падением цен на нефть и ожиданиями решения центрального банка по ключевой ставке.',
  ];
  // One RIA paragraph in seven: about the English 2 MB page's density of mentions.
  return prose.flatMap((p, i) => [
    p,
    prose[(i + 1) % prose.length]!,
    prose[(i + 2) % prose.length]!,
    ria[i % ria.length]!,
    prose[(i + 3) % prose.length]!,
    prose[(i + 4) % prose.length]!,
    prose[(i + 5) % prose.length]!,
  ]);
}

/**
 * A page of about `bytes` of text built from real paragraphs, with inline markup (links,
 * emphasis) so that some names cross element boundaries, as on real news pages.
 */
export function buildLargePage(
  root: string,
  bytes = 2 * 1024 * 1024,
  paragraphs = realParagraphs(root),
  lang = 'en',
): string {
  const out: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const text = paragraphs[i % paragraphs.length]!;
    const words = escapeHtml(text).split(' ');
    // Wrap every 12th word in a link, every 17th in <em>: realistic inline markup.
    const html = words
      .map((w, j) =>
        j % 12 === 5 ? `<a href="#${i}">${w}</a>` : j % 17 === 9 ? `<em>${w}</em>` : w,
      )
      .join(' ');
    out.push(i % 25 === 0 ? `<h2>${escapeHtml(text.slice(0, 80))}</h2>` : `<p>${html}</p>`);
    if (i % 10 === 0) out.push(`<div class="ad"><span>Advertisement</span></div>`);
    size += text.length;
    i++;
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Large page</title></head><body><article>${out.join('\n')}</article></body></html>`;
}

/** About `bytes` of paragraphs to append to a page, as an infinite scroll would. */
export function appendChunkHtml(root: string, bytes = 50 * 1024): string {
  const paragraphs = realParagraphs(root);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = paragraphs[(i * 7) % paragraphs.length]!;
    out.push(`<p>${escapeHtml(text)}</p>`);
    size += text.length;
  }
  return out.join('\n');
}
