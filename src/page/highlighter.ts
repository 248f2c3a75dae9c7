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
  /**
   * `hold(true)`: new marks wait unregistered and `ensure` does nothing, until `hold(false)`
   * registers them at once (a page's first scan). In Firefox, a range added from a content
   * script to a registered highlight cost ~30 µs, one registered with the rest ~9 µs.
   */
  hold(held: boolean): void;
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
  hold(): void {}
}

/**
 * Paints mentions with the CSS Custom Highlight API: no element is wrapped, so the page's
 * DOM, layout and selection stay as they were. `CSS.highlights` is shared with the page,
 * which may clear it; `ensure()` puts ours back.
 */
export class Highlighter implements MentionMarks {
  /** Created with the first range: a page without a mention never sees one. */
  #highlight: Highlight | null = null;
  readonly #Highlight: typeof Highlight;
  #name = HIGHLIGHT_NAME;
  #held = false;
  readonly #doc: Document;

  constructor(doc: Document) {
    const HighlightCtor = (doc.defaultView as (Window & { Highlight?: typeof Highlight }) | null)
      ?.Highlight;
    if (!HighlightCtor) throw new Error('no Highlight API');
    this.#Highlight = HighlightCtor;
    this.#doc = doc;
  }

  /** Uses another highlight name (another style); ranges stay. */
  setName(name: string): void {
    if (name === this.#name) return;
    if (this.#highlight) registry(this.#doc)?.delete(this.#name);
    this.#name = name;
    this.ensure();
  }

  add(range: AbstractRange): void {
    this.#highlight ??= new this.#Highlight();
    this.#highlight.add(range);
    if (this.#highlight.size === 1) this.ensure();
  }

  delete(range: AbstractRange): void {
    this.#highlight?.delete(range);
  }

  hold(held: boolean): void {
    this.#held = held;
    if (!held) this.ensure();
  }

  get size(): number {
    return this.#highlight?.size ?? 0;
  }

  /**
   * Re-registers our highlight if the page removed or replaced it. Cheap: one map lookup.
   * Until there is something to paint, nothing is registered: a page without a mention sees
   * no trace of us in `CSS.highlights`.
   */
  ensure(): boolean {
    if (this.#held || !this.#highlight || this.#highlight.size === 0) return false;
    const reg = registry(this.#doc);
    if (!reg || reg.get(this.#name) === this.#highlight) return false;
    reg.set(this.#name, this.#highlight);
    return true;
  }

  /** Removes our highlight (and only ours) from the page. */
  destroy(): void {
    if (!this.#highlight) return;
    this.#highlight.clear();
    const reg = registry(this.#doc);
    if (reg?.get(this.#name) === this.#highlight) reg.delete(this.#name);
  }
}
