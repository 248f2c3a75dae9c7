import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { noInnerHtml } from '../../../scripts/lib/vite-no-inner-html';

const require = createRequire(import.meta.url);

describe('noInnerHtml', () => {
  it("removes both innerHTML writes from Preact's real build", async () => {
    const id = require.resolve('preact').replace(/preact\.js$/, 'preact.module.js');
    const code = await readFile(id, 'utf8');
    expect(code).toMatch(/\.innerHTML=/);
    const plugin = noInnerHtml();
    const transform = plugin.transform as (
      this: unknown,
      code: string,
      id: string,
    ) => { code: string };
    const ctx = {
      error: (m: string) => {
        throw new Error(m);
      },
    };
    const out = transform.call(ctx, code, id).code;
    expect(out).not.toMatch(/\.innerHTML\s*=/);
    expect(out).toContain('dangerouslySetInnerHTML is disabled');
  });

  it('fails loudly when the code no longer has the expected shape', () => {
    const plugin = noInnerHtml();
    const transform = plugin.transform as (this: unknown, code: string, id: string) => unknown;
    const ctx = {
      error: (m: string) => {
        throw new Error(m);
      },
    };
    expect(() =>
      transform.call(ctx, 'export const x = 1;', '/x/node_modules/preact/dist/preact.module.js'),
    ).toThrow(/expected 2 innerHTML writes/);
  });

  it('leaves other modules alone', () => {
    const plugin = noInnerHtml();
    const transform = plugin.transform as (this: unknown, code: string, id: string) => unknown;
    expect(transform.call({}, 'a.innerHTML=b.__html', '/src/x.ts')).toBeNull();
  });

  it('turns Readability’s markup writes into node copies that extract the same article', async () => {
    const id = require.resolve('@mozilla/readability/Readability.js');
    const code = await readFile(id, 'utf8');
    const ctx = {
      error: (m: string) => {
        throw new Error(m);
      },
    };
    const transform = noInnerHtml().transform as (
      this: unknown,
      code: string,
      id: string,
    ) => { code: string };
    const out = transform.call(ctx, code, id).code;
    expect(out).not.toMatch(/\.innerHTML\s*=[^=]/);
    // The rewritten module still extracts an article, retries included (short text forces them).
    const { parseHTML } = await import('linkedom');
    const mod = { exports: {} as { Readability?: unknown } };
    new Function('module', 'exports', out)(mod, mod.exports);
    const Readability =
      (mod.exports as { Readability?: unknown }).Readability ?? (mod.exports as unknown);
    const para = 'Vladimir Putin said the summit should go ahead, and that Russia regretted it. ';
    const html = `<html><body><nav>Home</nav><article><h1>Title</h1>${'<p>'.concat(para.repeat(4), '</p>').repeat(6)}<noscript><img src="a.jpg"></noscript></article></body></html>`;
    const { document } = parseHTML(html);
    const R = Readability as new (d: Document) => { parse(): { textContent: string } | null };
    const article = new R(document as unknown as Document).parse();
    expect(article?.textContent).toContain('Russia regretted it');
  });
});
