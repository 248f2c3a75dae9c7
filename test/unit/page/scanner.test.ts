import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/matching';
import { matchHere, PageScanner } from '../../../src/page/scanner';
import { SPEC } from '../matching/spec-fixture';
import { RecordedMarks, pageOf } from './dom-fixture';

const matcher = compileMatcher(SPEC);

/** Scans a page whole, in one slice, every mention marked; returns the entities marked by block. */
async function scanned(body: string): Promise<Record<string, string[]>> {
  const doc = pageOf(body);
  const marks = new RecordedMarks();
  const scanner = new PageScanner(doc, {
    matcher: matchHere(matcher),
    highlighter: marks,
    onChange: () => {},
    // Only the first scan is looked at: page changes are never rescanned here.
    timers: { setTimeout: () => 0, clearTimeout: () => {} },
    sliceMs: Infinity,
    markEvery: true,
  });
  await scanner.start();
  const out: Record<string, string[]> = {};
  for (const m of scanner.mentions()) (out[m.block.id] ??= []).push(m.entity);
  scanner.destroy();
  return out;
}

describe('page scanner', () => {
  it('reads a paragraph of common inline tags whole, and any other the exact way', async () => {
    const found = await scanned(
      [
        '<p id="plain">President <a href="#">Vladimir</a> <em>Putin</em> and <b>Macron</b>.</p>',
        // Not on the allow list of inline tags: read by its own runs, the same mentions.
        '<p id="custom">Vladimir <x-tip>Putin</x-tip> and <label>Macron</label>.</p>',
        // Skipped, hidden or editable text inside a paragraph is never read.
        '<p id="code">Putin said <code>Macron</code>.</p>',
        '<p id="hidden">Putin said <span hidden>Macron</span>.</p>',
        '<p id="editable">Putin <span contenteditable="true">Macron</span>.</p>',
        // A block inside a paragraph (scripted: the parser closes a <p> first) is its own.
        '<div id="outer">Putin wrote <div id="inner">Donald Trump</div> to Macron.</div>',
      ].join(''),
    );
    expect(found).toEqual({
      plain: ['vladimir-putin', 'emmanuel-macron'],
      custom: ['vladimir-putin', 'emmanuel-macron'],
      code: ['vladimir-putin'],
      hidden: ['vladimir-putin'],
      editable: ['vladimir-putin'],
      outer: ['vladimir-putin', 'emmanuel-macron'],
      inner: ['donald-trump'],
    });
  });
});
