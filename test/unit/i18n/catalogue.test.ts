import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The message catalogue is the only source of text a person sees: every language has every key
// with the same placeholders, every key the code names exists, every key is used, and no UI
// component writes visible text (JSX text, or a title/label/placeholder attribute) as a literal.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOCALES = path.join(ROOT, 'public/_locales');
// Every language shipped; a new folder under public/_locales is checked like these.
const LANGUAGES = readdirSync(LOCALES);

type Catalogue = Record<string, { message: string; description?: string }>;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(path.join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(p);
  }
  return out;
}
const FILES = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'entrypoints'))];
const rel = (f: string) => path.relative(ROOT, f);

const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'alt',
  'placeholder',
  'label',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
]);
const HAS_LETTER = /\p{L}/u;

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  }
  return null;
}

/** Literal strings an expression in JSX may render: through ternaries and `&&` / `||` / `??`. */
function renderedLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return renderedLiterals(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...renderedLiterals(node.whenTrue), ...renderedLiterals(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
    }
  }
  return literalText(node) !== null ? [node] : [];
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function untranslated(file: string): Finding[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!HAS_LETTER.test(text)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ file: rel(file), line, text: text.trim().slice(0, 60) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const lit of renderedLiterals(node.expression)) report(lit, literalText(lit)!);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) report(init, init.text);
      if (init && ts.isJsxExpression(init) && init.expression) {
        for (const lit of renderedLiterals(init.expression)) report(lit, literalText(lit)!);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Keys the code names: t('k'), tCount('k') (its One/Other forms), <MessageParts msg="k">, __MSG_k__. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const texts = [...FILES, path.join(ROOT, 'wxt.config.ts')].map((f) => readFileSync(f, 'utf8'));
  for (const text of texts) {
    for (const m of text.matchAll(/\b(?:t|setPageLanguage)\(\s*'([A-Za-z0-9_]+)'/g))
      keys.add(m[1]!);
    for (const m of text.matchAll(/\bmsg="([A-Za-z0-9_]+)"/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/\btCount\(\s*'([A-Za-z0-9_]+)'/g)) {
      keys.add(`${m[1]}One`);
      keys.add(`${m[1]}Other`);
    }
    for (const m of text.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
    // Keys chosen from a table: `msg: 'key'` entries typed as MessageKey.
    for (const m of text.matchAll(/\/\*\s*i18n\s*\*\/\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

describe('message catalogue', () => {
  const en = catalogue('en');

  it.each(LANGUAGES)('%s has every key, each with a message and the same placeholders', (lang) => {
    const other = catalogue(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(other)) {
      expect(message.trim(), `${lang}: ${key}`).not.toBe('');
      const slots = (s: string) => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();
      expect(slots(message), `${lang}: ${key}`).toEqual(slots(en[key]!.message));
    }
  });

  it('names only keys that exist, and every key is used', () => {
    const used = usedKeys();
    const missing = [...used].filter((k) => !(k in en));
    expect(missing, 'keys used in code but not in the catalogue').toEqual([]);
    const unused = Object.keys(en).filter((k) => !used.has(k));
    expect(unused, 'keys in the catalogue that no code uses').toEqual([]);
  });

  it('no component shows text that is not in the catalogue', () => {
    const findings = FILES.filter((f) => f.endsWith('.tsx')).flatMap(untranslated);
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it('the check finds literal text in JSX (a control, so the scan above can fail)', () => {
    const probe = path.join(ROOT, 'test/unit/i18n/probe.tsx.txt');
    const found = untranslated(probe).map((f) => f.text);
    expect(found).toEqual(['Hello', 'Close', 'Yes', 'No', 'Search…', 'On for']);
  });
});
