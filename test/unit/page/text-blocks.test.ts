import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks, PlainRun, toBoundaries } from '../../../src/page/text-blocks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const blocksOf = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return collectBlocks(document.body as unknown as Node);
};

describe('text blocks', () => {
  it('joins a block’s inline text so split names are one string', () => {
    const [block] = blocksOf('<p>Russian President <a href="#">Vladimir</a> Putin said</p>');
    expect(block!.text).toBe('Russian President Vladimir Putin said');
    const [start, end] = toBoundaries(block!, 18, 32);
    expect(start.node.data).toBe('Vladimir');
    expect(start.offset).toBe(0);
    expect(end.node.data).toBe(' Putin said');
    expect(end.offset).toBe(6);
    // Indices into the run's nodes, for the mention's nodes without a search.
    expect([start.index, end.index]).toEqual([1, 2]);
  });

  it('lists a plain block’s text nodes only as far as asked, and on from there', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p>President <a>Vladimir</a> Putin <em>and</em> Kim.</p></body></html>',
    );
    const p = document.querySelector('p')! as unknown as Element;
    const text = p.textContent!;
    const end = text.indexOf('Putin') + 'Putin'.length;
    const run = new PlainRun(p, text);
    expect(run.nodes).toHaveLength(0);
    expect(run.cover(end)).toBe(run);
    expect(run.text).toBe(text);
    expect(run.nodes.map((n) => n.data)).toEqual(['President ', 'Vladimir', ' Putin ']);
    expect(toBoundaries(run, text.indexOf('Vladimir'), end)[1]).toMatchObject({
      index: 2,
      offset: 6,
    });
    // Asked again for less: nothing more is listed; for the end: the rest.
    run.cover(3);
    expect(run.nodes).toHaveLength(3);
    run.cover(text.length);
    expect(run.nodes.map((n) => n.data)).toEqual([
      'President ',
      'Vladimir',
      ' Putin ',
      'and',
      ' Kim.',
    ]);
  });

  it('lists a plain block after a page change only if its text is still the text read', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p>Putin <a>and</a> Kim.</p><p>Trump <em>and</em> Kim.</p></body></html>',
    );
    const [same, edited] = [...document.querySelectorAll('p')] as unknown as Element[];
    let generation = 0;
    const runs = [same, edited].map((p) => new PlainRun(p!, p!.textContent!, () => generation));
    // The page changes one paragraph's text, another's markup only.
    generation++;
    edited!.querySelector('em')!.textContent = 'or';
    same!.querySelector('a')!.replaceWith(document.createTextNode('and'));
    expect(runs[0]!.cover(100)!.nodes.map((n) => n.data)).toEqual(['Putin ', 'and', ' Kim.']);
    expect(runs[1]!.cover(100)).toBeNull();
    // Once found changed, it stays so.
    edited!.querySelector('em')!.textContent = 'and';
    expect(runs[1]!.cover(100)).toBeNull();
  });

  it('lists a plain block again after a page change, from its new nodes', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p>Putin <a>met</a> Vladimir Putin.</p><p>Putin and Putin</p></body></html>',
    );
    const [rendered, edited] = [...document.querySelectorAll('p')] as unknown as Element[];
    let generation = 0;
    const [a, b] = [rendered!, edited!].map(
      (p) => new PlainRun(p, p.textContent!, () => generation),
    );
    // Both listed as far as a first mention.
    expect(a!.cover(5)!.nodes).toHaveLength(1);
    expect(b!.cover(5)!.nodes).toHaveLength(1);
    // The page renders the first again with the same text in new nodes, and edits the second
    // inside the node already listed.
    const fresh = document.createTextNode('Putin ');
    rendered!.replaceChild(fresh, rendered!.firstChild!);
    (edited!.firstChild as Text).data = 'Macron and Putin';
    generation++;
    const listed = a!.cover(rendered!.textContent!.length)!;
    expect(listed.nodes[0]).toBe(fresh);
    expect(listed.nodes.map((n) => n.data)).toEqual(['Putin ', 'met', ' Vladimir Putin.']);
    expect(b!.cover(5)).toBeNull();
  });

  it('keeps blocks apart', () => {
    expect(
      blocksOf('<h1>Trump</h1><p>Putin</p><ul><li>Macron</li></ul>').map((b) => b.text),
    ).toEqual(['Trump', 'Putin', 'Macron']);
  });

  it('skips scripts, styles, form fields, editors, code and our own UI', () => {
    const texts = blocksOf(
      '<p>seen</p><script>Putin()</script><style>.Putin{}</style><textarea>Putin</textarea>' +
        '<select><option>Putin</option></select><div contenteditable="true"><p>Putin</p></div>' +
        '<div contenteditable="false">seen too</div><pre>Putin</pre><code>Putin</code>' +
        '<counterpoint-ui><p>Putin</p></counterpoint-ui><p hidden>Putin</p><template><p>Putin</p></template>',
    ).map((b) => b.text);
    expect(texts).toEqual(['seen', 'seen too']);
  });
});

describe('npm run scan', () => {
  it('prints the mentions of a saved page as JSON', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/scan.ts', '--json', 'test/e2e/fixtures/summit.html'],
      { cwd: ROOT },
    );
    const [result] = JSON.parse(stdout) as {
      file: string;
      mentions: { name: string; text: string; start: number; end: number }[];
    }[];
    expect(result!.file).toBe('test/e2e/fixtures/summit.html');
    const found = result!.mentions.map((m) => `${m.name}: ${m.text.replace(/\s+/g, ' ')}`);
    expect(found).toContain('Vladimir Putin: Russian President Vladimir Putin');
    expect(found).toContain('Singapore summit: Singapore summit');
    expect(found).toContain('Kim Jong-un: North Korean leader Kim Jong Un');
    expect(found.join('|')).not.toMatch(/Melania|Kardashian|textarea|form field|editor/);
    expect(result!.mentions.every((m) => m.end > m.start)).toBe(true);
  }, 30_000);
});
