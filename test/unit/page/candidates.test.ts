import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromDisk } from '../../../scripts/lib/dataset-files';
import { compileMatcher, matcherSpecFromDataset, type Matcher } from '../../../src/matching';
import { CandidateFinder } from '../../../src/page/candidates';
import { ElementClassifier, collectBlocks } from '../../../src/page/text-blocks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = process.env.COUNTERPOINT_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
const FIXTURES = path.join(ROOT, 'test/e2e/fixtures');

let matcher: Matcher;
beforeAll(async () => {
  const { dataset } = await buildFromDisk(
    path.join(ROOT, 'assets/articles'),
    path.join(ROOT, 'assets/reference'),
  );
  matcher = compileMatcher(matcherSpecFromDataset(dataset));
});

const body = (html: string) =>
  parseHTML(/<html/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`)
    .document.body as unknown as Node;

/** Blocks with a mention, as the full block-by-block read finds them. */
function fullScan(root: Node): Set<Element> {
  return new Set(
    collectBlocks(root)
      .filter((b) => matcher.match(b.text).length > 0)
      .map((b) => b.block),
  );
}

/** Blocks around the candidates the finder reports (what the content script rescans). */
function candidateBlocks(root: Node, limit?: number): { blocks: Set<Element>; nodes: number } {
  const classifier = new ElementClassifier();
  const blocks = new Set<Element>();
  let nodes = 0;
  const finder = new CandidateFinder(root, (t) => matcher.anchors(t), { limit });
  let slices = 0;
  while (!finder.done) {
    slices++;
    finder.next(
      (node) => {
        nodes++;
        // An element: every block in it, and the block around it.
        const runs = node.nodeType === 3 ? [] : collectBlocks(node, classifier);
        const parent = node.parentElement;
        const around = parent ? classifier.info(parent) : null;
        if (around && !around.skip) blocks.add(around.block);
        for (const run of runs) blocks.add(run.block);
      },
      () => true, // stop after every group: resuming must lose nothing
    );
  }
  expect(slices).toBeGreaterThan(0);
  return { blocks, nodes };
}

const missing = (full: Set<Element>, found: Set<Element>) =>
  [...full].filter((b) => !found.has(b)).map((b) => (b.textContent ?? '').slice(0, 80));

describe('candidate finder', () => {
  it('finds split, soft-hyphenated and glued names, at any group size', () => {
    const root = body(
      '<div><p>Russian President <a>Vladi</a><b>mir Pu</b>tin said</p><p>Kre\u00ADmlin and Pu\u00ADtin</p>' +
        '<p>nothing here</p><ul><li>Kim Jong\u2011un</li><li>Macron</li></ul>' +
        '<p>talk of the Singapore summit</p><p>Trump</p><p>Kosachev</p>' +
        `<div>${'<p>filler text without names</p>'.repeat(50)}</div><p>Slutsky</p></div>`,
    );
    const full = fullScan(root);
    expect(full.size).toBe(8);
    for (const limit of [1, 16, 100, 1000, 64 * 1024]) {
      expect(missing(full, candidateBlocks(root, limit).blocks), `limit ${limit}`).toEqual([]);
    }
  });

  it('reads a page nested thousands deep, and unclosed inline tags, without missing a name', () => {
    const deep = Array.from({ length: 3000 }, (_, i) =>
      i % 500 === 250 ? '<div>said Putin<i>' : `<div>word ${i} <span>`,
    ).join('');
    const unclosed = Array.from({ length: 200 }, (_, i) =>
      i % 40 === 7 ? '<p>Kosachev said <a href="#">x' : '<p>filler <em>text</p>',
    ).join('');
    for (const html of [deep, unclosed]) {
      const root = body(html);
      const full = fullScan(root);
      expect(full.size).toBeGreaterThan(4);
      for (const limit of [64, 4096]) {
        expect(missing(full, candidateBlocks(root, limit).blocks), `limit ${limit}`).toEqual([]);
      }
    }
  });

  it('reads again what the page changed between steps, and reports only nodes still there', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) =>
      i % 50 === 10 ? `<p id="p${i}">Macron spoke</p>` : `<p id="p${i}">filler ${i}</p>`,
    );
    const root = body(`<article>${paragraphs.join('')}</article>`);
    const doc = (root as unknown as Element).ownerDocument;
    let generation = 0;
    const reported: Node[] = [];
    const finder = new CandidateFinder(root, (t) => matcher.anchors(t), {
      limit: 256,
      generation: () => generation,
    });
    finder.next(
      (n) => reported.push(n),
      () => true,
    );
    // The page removes a paragraph not read yet and adds one with a name, as a feed would.
    doc.getElementById('p360')!.remove();
    const added = doc.createElement('p');
    added.textContent = 'Then Putin answered';
    doc.getElementById('p300')!.after(added);
    generation++;
    while (!finder.done) {
      finder.next(
        (n) => reported.push(n),
        () => true,
      );
    }
    expect(reported.every((n) => n.isConnected)).toBe(true);
    const texts = reported.map((n) => n.textContent);
    expect(texts).toContain('Then Putin answered');
    expect(texts.filter((t) => t === 'Macron spoke')).toHaveLength(7);
  });

  it('leaves inline scripts out and narrows a big element down to what holds a name', () => {
    const filler = '<p>Weather: sunny, then rain.</p>'.repeat(300);
    const root = body(
      `<div><script>${'var trump = "Trump"; '.repeat(5000)}</script>${filler}` +
        `<p>Then Putin said so</p>${filler}</div>`,
    );
    const reported: string[] = [];
    const finder = new CandidateFinder(root, (t) => matcher.anchors(t));
    while (!finder.done) {
      finder.next(
        (n) => reported.push(n.textContent ?? ''),
        () => false,
      );
    }
    expect(reported).toEqual(['Then Putin said so']);
  });

  it('reports no node on a page without names', () => {
    const root = body(`<main>${'<p>Weather: <a>sunny</a>, then rain.</p>'.repeat(500)}</main>`);
    expect(candidateBlocks(root).nodes).toBe(0);
  });

  it('reads a wide page without names once, whole, and a wide page with one as before', () => {
    const para = (i: number) => `<div><p>Item ${i}: sunny, then rain.</p></div>`;
    const wide = (extra: string) =>
      body(
        `<script>var x = 1;</script>${Array.from({ length: 40 }, (_, i) => para(i)).join('')}${extra}`,
      );
    const run = (root: Node) => {
      const searched: string[] = [];
      const reported: string[] = [];
      const finder = new CandidateFinder(root, (t) => (searched.push(t), matcher.anchors(t)));
      while (!finder.done)
        finder.next(
          (n) => reported.push(n.textContent ?? ''),
          () => false,
        );
      return { searched, reported };
    };
    // No name anywhere: one search, of the whole text, scripts included.
    const plain = wide('');
    const none = run(plain);
    expect(none.searched).toEqual([plain.textContent]);
    expect(none.reported).toEqual([]);
    // A name in a script only: searched on, child by child, and nothing reported.
    const scripted = run(wide('<script>var who = "Putin";</script>'));
    expect(scripted.searched.length).toBeGreaterThan(1);
    expect(scripted.reported).toEqual([]);
    // A name in the text: found as by the full read.
    expect(run(wide('<p>Then Putin said so</p>')).reported).toEqual(['Then Putin said so']);
    // Past RUN children (a flat book), the root is split unread as before.
    const book = body(Array.from({ length: 300 }, (_, i) => `<p>Line ${i}.</p>`).join(''));
    expect(run(book).searched.every((t) => t.length < (book.textContent ?? '').length)).toBe(true);
  });

  it('ignores anchors in comments', () => {
    const root = body('<p>a<!-- Putin -->b</p><p>Macron</p>');
    const { blocks } = candidateBlocks(root, 1);
    expect([...blocks].map((b) => b.textContent)).toEqual(['Macron']);
  });

  it('finds a name cut across siblings, empty ones and comments, as one string read would', () => {
    // The oracle: the siblings' texts joined into one string, each anchor mapped back to the
    // node it starts in, whatever the group sizes, empty siblings and comments in between.
    const sentences = [
      'Vladimir Putin met Kim Jong-un; Macron and Trump spoke of the Singapore summit.',
      'Путина и Трампа ждали в Сингапуре; Kosachev, Dzhabarov und Klinzewitsch sagten nichts.',
      'Pu\u00ADtin and Kre\u00ADmlin, Poutine à Paris, le sommet de Singapour, Sluzki.',
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const wrap = ['<b>#</b>', '<i>#</i>', '#', '#<!-- Trump -->', '<span></span>#', '<a>#</a>'];
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      const text = sentences[round % sentences.length]!;
      const pieces: string[] = [];
      for (let at = 0; at < text.length;) {
        const n = 1 + random(round % 2 ? 4 : 12);
        pieces.push(text.slice(at, at + n));
        at += n;
      }
      const html = pieces.map((p) => wrap[random(wrap.length)]!.replace('#', p)).join('');
      const root = body(html);
      const nodes = [...root.childNodes];
      const texts = nodes.map((n) => (n.nodeType === 8 ? '' : (n.textContent ?? '')));
      // The oracle: anchors in the joined text, mapped to the nodes that hold them.
      const expected = new Set<Node>();
      let pos = 0;
      const offsets = matcher.anchors(texts.join(''));
      nodes.forEach((n, k) => {
        const end = pos + texts[k]!.length;
        if (offsets.some((o) => o >= pos && o < end)) expected.add(n);
        pos = end;
      });
      const reported = new Set<Node>();
      const finder = new CandidateFinder(root, (t) => matcher.anchors(t));
      while (!finder.done) {
        finder.next(
          (n) => reported.add(n.nodeType === 3 && n.parentNode !== root ? n.parentNode! : n),
          () => false,
        );
      }
      expect(
        [...reported].map((n) => n.textContent),
        html,
      ).toEqual([...expected].map((n) => n.textContent));
      checked += expected.size;
    }
    expect(checked).toBeGreaterThan(1500);
  });

  const pages = [
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.html'))
      .map((f) => path.join(FIXTURES, f)),
    ...(existsSync(path.join(CORPUS, 'pages'))
      ? readdirSync(path.join(CORPUS, 'pages'))
          .filter((f) => f.endsWith('.html'))
          .map((f) => path.join(CORPUS, 'pages', f))
      : []),
  ];

  it(`misses no block the full read finds, on ${pages.length} fixture and corpus pages`, () => {
    let total = 0;
    for (const file of pages) {
      const root = body(readFileSync(file, 'utf8'));
      const full = fullScan(root);
      total += full.size;
      for (const limit of [512, 64 * 1024]) {
        expect(missing(full, candidateBlocks(root, limit).blocks), `${file} @${limit}`).toEqual([]);
      }
    }
    expect(total).toBeGreaterThan(100);
  }, 120_000);
});
