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

  it('keeps the private library out of the content script, the page layer and shared UI', async () => {
    const lib = "import { a } from '../library/library';\nvoid a;\n";
    for (const file of ['src/content/x.ts', 'src/page/x.ts', 'src/ui/x.tsx', 'src/popup/x.ts']) {
      expect(await ruleIds(file, lib), file).toContain('no-restricted-imports');
    }
    expect(await ruleIds('src/options/x.ts', lib)).toEqual([]);
  });

  it('keeps page, ui, library and shared free of context code and of each other', async () => {
    const cases: [string, string][] = [
      ['src/page/x.ts', '../content/y'],
      ['src/page/x.ts', '../ui/y'],
      ['src/ui/x.tsx', '../page/y'],
      ['src/ui/x.tsx', '../popup/y'],
      ['src/library/x.ts', '../background/y'],
      ['src/shared/x.ts', '../content/y'],
      ['src/shared/x.ts', '../library/y'],
    ];
    for (const [file, from] of cases) {
      const code = `import { a } from '${from}';\nvoid a;\n`;
      expect(await ruleIds(file, code), `${file} <- ${from}`).toContain('no-restricted-imports');
    }
    expect(await ruleIds('src/page/x.ts', "import { a } from '../shared/y';\nvoid a;\n")).toEqual(
      [],
    );
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
