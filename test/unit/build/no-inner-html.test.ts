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
});
