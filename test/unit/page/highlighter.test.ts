import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_NAME,
  HIGHLIGHT_NAME_BACKGROUND,
  Highlighter,
  UnpaintedMarks,
} from '../../../src/page/highlighter';
import { pageOf } from './dom-fixture';

/**
 * A page with the CSS Custom Highlight API as the browsers have it: a registry of sets (its
 * window is our own: linkedom's windows are shared and have none).
 */
function setup() {
  const page = pageOf('<p>Putin and Macron</p>');
  const registry = new Map<string, unknown>();
  const doc = {
    defaultView: { Highlight: class extends Set<AbstractRange> {}, CSS: { highlights: registry } },
  } as unknown as Document;
  const text = page.querySelector('p')!.firstChild!;
  const range = (start: number, end: number) =>
    ({ startContainer: text, startOffset: start, endContainer: text, endOffset: end }) as never;
  return { doc, registry, range };
}

describe('highlighter', () => {
  it('registers nothing until the first mark, then one highlight under our name', () => {
    const { doc, registry, range } = setup();
    const h = new Highlighter(doc);
    expect(h.ensure()).toBe(false);
    expect(registry.size).toBe(0);
    h.add(range(0, 5));
    h.add(range(10, 16));
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAME]);
    expect(h.size).toBe(2);
  });

  it('puts its highlight back when the page clears or replaces it', () => {
    const { doc, registry, range } = setup();
    const h = new Highlighter(doc);
    h.add(range(0, 5));
    const ours = registry.get(HIGHLIGHT_NAME);
    registry.clear();
    expect(h.ensure()).toBe(true);
    expect(registry.get(HIGHLIGHT_NAME)).toBe(ours);
    registry.set(HIGHLIGHT_NAME, new Set());
    expect(h.ensure()).toBe(true);
    expect(registry.get(HIGHLIGHT_NAME)).toBe(ours);
    expect(h.ensure()).toBe(false);
  });

  it("holds a first scan's marks back, then registers them together", () => {
    const { doc, registry, range } = setup();
    const h = new Highlighter(doc);
    h.hold(true);
    h.add(range(0, 5));
    h.add(range(10, 16));
    expect(h.ensure()).toBe(false);
    expect(registry.size).toBe(0);
    h.hold(false);
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAME]);
    expect((registry.get(HIGHLIGHT_NAME) as Set<unknown>).size).toBe(2);
    // Released, later marks go straight into the registered highlight.
    h.add(range(0, 3));
    expect((registry.get(HIGHLIGHT_NAME) as Set<unknown>).size).toBe(3);
  });

  it('moves to another style, and removes only its own highlight', () => {
    const { doc, registry, range } = setup();
    registry.set('page-own', new Set());
    const h = new Highlighter(doc);
    h.add(range(0, 5));
    h.setName(HIGHLIGHT_NAME_BACKGROUND);
    expect([...registry.keys()].sort()).toEqual([HIGHLIGHT_NAME_BACKGROUND, 'page-own']);
    h.destroy();
    expect([...registry.keys()]).toEqual(['page-own']);
  });

  it('leaves the registry empty once its last mark is gone', () => {
    const { doc, registry, range } = setup();
    const h = new Highlighter(doc);
    const r = range(0, 5);
    h.add(r);
    h.delete(r);
    registry.clear();
    expect(h.ensure()).toBe(false);
    expect(registry.size).toBe(0);
  });

  it('fails loudly where the browser has no highlight API', () => {
    expect(() => new Highlighter({ defaultView: {} } as Document)).toThrow(/Highlight API/);
  });

  it('keeps library-only mentions unpainted: counted, never in the registry', () => {
    const marks = new UnpaintedMarks();
    marks.add();
    marks.add();
    marks.delete();
    expect(marks.size).toBe(1);
    expect(marks.ensure()).toBe(false);
  });
});
