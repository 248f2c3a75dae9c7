/** Name of our highlight in `CSS.highlights` (styled by `::highlight(counterpoint-mention)`). */
export const HIGHLIGHT_NAME = 'counterpoint-mention';
/** The same, drawn as a background instead of an underline (a setting). */
export const HIGHLIGHT_NAME_BACKGROUND = 'counterpoint-mention-background';

interface HighlightRegistry {
  get(name: string): unknown;
  set(name: string, h: unknown): void;
  delete(name: string): boolean;
}

/** The page's highlight registry, or null where the browser has none. */
function registry(doc: Document): HighlightRegistry | null {
  const css = (doc.defaultView as (Window & { CSS?: { highlights?: unknown } }) | null)?.CSS;
  return (css?.highlights as HighlightRegistry | undefined) ?? null;
}

/** Where the scanner puts the mentions it finds. */
export interface MentionMarks {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): void;
  /** Puts the marks back if the page removed them; true when it had to. */
  ensure(): boolean;
}

/**
 * Mentions of people only the reader's library knows: kept for hover, the popup and the
 * shortcut, never painted. `CSS.highlights` is readable by the page, so anything drawn
 * there would tell it what the reader saved.
 */
export class UnpaintedMarks implements MentionMarks {
  size = 0;
  add(): void {
    this.size++;
  }
  delete(): void {
    this.size = Math.max(0, this.size - 1);
  }
  ensure(): boolean {
    return false;
  }
}

/**
 * Paints mentions with the CSS Custom Highlight API: no element is wrapped, so the page's
 * DOM, layout and selection stay as they were. `CSS.highlights` is shared with the page,
 * which may clear it; `ensure()` puts ours back.
 */
export class Highlighter implements MentionMarks {
  /** Created with the first range: a page without a mention never sees one. */
  private highlight: Highlight | null = null;
  private readonly HighlightCtor: typeof Highlight;
  private name = HIGHLIGHT_NAME;

  constructor(private readonly doc: Document) {
    const HighlightCtor = (doc.defaultView as (Window & { Highlight?: typeof Highlight }) | null)
      ?.Highlight;
    if (!HighlightCtor) throw new Error('CSS Custom Highlight API unavailable');
    this.HighlightCtor = HighlightCtor;
  }

  /** Uses another highlight name (another style); ranges stay. */
  setName(name: string): void {
    if (name === this.name) return;
    if (this.highlight) registry(this.doc)?.delete(this.name);
    this.name = name;
    this.ensure();
  }

  add(range: AbstractRange): void {
    this.highlight ??= new this.HighlightCtor();
    this.highlight.add(range);
    if (this.highlight.size === 1) this.ensure();
  }

  delete(range: AbstractRange): void {
    this.highlight?.delete(range);
  }

  get size(): number {
    return this.highlight?.size ?? 0;
  }

  /**
   * Re-registers our highlight if the page removed or replaced it. Cheap: one map lookup.
   * Until there is something to paint, nothing is registered: a page without a mention sees
   * no trace of us in `CSS.highlights`.
   */
  ensure(): boolean {
    if (!this.highlight || this.highlight.size === 0) return false;
    const reg = registry(this.doc);
    if (!reg || reg.get(this.name) === this.highlight) return false;
    reg.set(this.name, this.highlight);
    return true;
  }

  /** Removes our highlight (and only ours) from the page. */
  destroy(): void {
    if (!this.highlight) return;
    this.highlight.clear();
    const reg = registry(this.doc);
    if (reg?.get(this.name) === this.highlight) reg.delete(this.name);
  }
}
