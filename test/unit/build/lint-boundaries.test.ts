import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('context boundaries (eslint)', () => {
  it('keeps content code from importing popup or background code', async () => {
    expect(
      await ruleIds('src/content/x.ts', "import { a } from '../popup/y';\nvoid a;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds('src/content/x.ts', "import { a } from '../background/y';\nvoid a;\n"),
    ).toContain('no-restricted-imports');
  });

  it('keeps popup and background code from importing content code', async () => {
    expect(
      await ruleIds('src/popup/x.ts', "import { a } from '../content/y';\nvoid a;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds('src/background/x.ts', "import { a } from '../content/y';\nvoid a;\n"),
    ).toContain('no-restricted-imports');
  });

  it('allows shared code everywhere', async () => {
    expect(
      await ruleIds('src/content/x.ts', "import { a } from '../shared/y';\nvoid a;\n"),
    ).toEqual([]);
  });

  it('keeps the pure core free of DOM, extension and Node APIs', async () => {
    expect(await ruleIds('src/matching/x.ts', 'export const t = document.title;\n')).toContain(
      'no-restricted-globals',
    );
    expect(
      await ruleIds('src/dataset/x.ts', "import fs from 'node:fs';\nexport const f = fs;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'src/search/x.ts',
        "import b from 'webextension-polyfill';\nexport const x = b;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('forbids innerHTML', async () => {
    expect(
      await ruleIds(
        'src/popup/x.ts',
        'export function f(el: Element, s: string) { el.innerHTML = s; }\n',
      ),
    ).toContain('no-restricted-properties');
  });
});

describe('pure core imports', () => {
  it('refuses context code in the pure core', async () => {
    expect(
      await ruleIds('src/search/x.ts', "import { a } from '../content/y';\nexport const b = a;\n"),
    ).toContain('no-restricted-imports');
  });
});
