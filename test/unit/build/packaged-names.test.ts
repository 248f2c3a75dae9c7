import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME, HIGHLIGHT_NAME_BACKGROUND } from '../../../src/page/highlighter';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// CSS cannot import a constant: the stylesheet must style exactly the highlights the code registers.
describe('highlight names', () => {
  it('highlight.css styles the names the highlighter registers, and no other', () => {
    const css = readFileSync(path.join(ROOT, 'src/page/highlight.css'), 'utf8');
    const styled = new Set([...css.matchAll(/::highlight\(([^)]+)\)/g)].map((m) => m[1]));
    expect([...styled].sort()).toEqual([HIGHLIGHT_NAME, HIGHLIGHT_NAME_BACKGROUND].sort());
  });
});
