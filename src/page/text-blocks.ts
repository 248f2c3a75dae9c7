/**
 * Reads a page's visible, non-editable text block by block, so that a name split across
 * inline elements (`President <a>Vladimir</a> Putin`) is one string to match, and maps
 * offsets in that string back to text nodes. Works on any Document (browser or linkedom).
 */

/** Prefix of every element Counterpoint puts in a page; their text is never scanned. */
export const OUR_PREFIX = 'COUNTERPOINT-';

const SKIPPED = new Set(
  (
    'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION CODE PRE KBD SAMP VAR SVG ' +
    'MATH IFRAME OBJECT CANVAS HEAD TITLE'
  ).split(' '),
);

const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET ' +
    'FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LI MAIN NAV OL P ' +
    'SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'
  ).split(' '),
);

/**
 * Matches any element that may stop an element's `textContent` from being its one block of
 * text: anything but the common inline tags (a nested block, a skipped element, ours, and
 * also a rarer inline one), or a hidden or editable element. What it matches is read the
 * slower, exact way (`ownRuns`). An allow list, not the list of blocks and skipped tags: one
 * `:not()` per element instead of 65 selectors made the check 2–3 times faster in Chromium.
 */
export const NOT_PLAIN_SELECTOR =
  ':not(a,abbr,b,bdi,bdo,br,cite,data,del,dfn,em,font,i,img,ins,mark,q,s,small,span,strong,sub,sup,time,u,wbr),[hidden],[contenteditable]';

/** Whether an element's text is never scanned because of its tag (script, style, code…). */
export const isSkippedElement = (el: Element): boolean => SKIPPED.has(el.tagName.toUpperCase());

/** Whether an element starts a block of its own (by tag: no style is read). */
export const isBlockElement = (el: Element): boolean => BLOCKS.has(el.tagName.toUpperCase());

interface ElementInfo {
  skip: boolean;
  block: Element;
}

/** One run of text under one block element. */
export interface TextBlock {
  block: Element;
  nodes: Text[];
  /** Offset of each node's text in `text`. */
  starts: number[];
  text: string;
}

/**
 * Classifies elements once each (skipped? which block?), caching by element: the walk asks
 * about every text node's parent, and most parents hold many text nodes.
 */
export class ElementClassifier {
  readonly #cache = new WeakMap<Element, ElementInfo>();

  info(el: Element): ElementInfo {
    const hit = this.#cache.get(el);
    if (hit) return hit;
    const parent = el.parentElement;
    const up = parent ? this.info(parent) : null;
    const name = el.tagName.toUpperCase();
    const editable = el.getAttribute('contenteditable');
    const skip =
      (up?.skip ?? false) ||
      SKIPPED.has(name) ||
      name.startsWith(OUR_PREFIX) ||
      el.hasAttribute('hidden') ||
      (editable !== null && editable !== 'false');
    const info = { skip, block: BLOCKS.has(name) || !up ? el : up.block };
    this.#cache.set(el, info);
    return info;
  }
}

const TEXT_NODE = 3;
/** Tests for a non-space character without copying the string, as `trim()` would. */
const HAS_TEXT = /\S/;

/**
 * `root`'s text in document order, one TextBlock per run of text nodes that share a block
 * element (the scanner reads a subtree whose blocks are not plain; tests; the scan CLI).
 */
export function collectBlocks(root: Node, classifier = new ElementClassifier()): TextBlock[] {
  const out: TextBlock[] = [];
  let pending: TextBlock | null = null;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent) continue;
    const info = classifier.info(parent);
    if (info.skip) continue;
    const value = node.data;
    if (pending && pending.block !== info.block) {
      out.push(pending);
      pending = null;
    }
    if (!pending) {
      if (!HAS_TEXT.test(value)) continue;
      pending = { block: info.block, nodes: [], starts: [], text: '' };
    }
    pending.starts.push(pending.text.length);
    pending.nodes.push(node);
    pending.text += value;
  }
  if (pending) out.push(pending);
  return out.filter((r) => HAS_TEXT.test(r.text));
}

/** Index of the node holding offset `at` of the block's text (the last start <= at). */
function nodeAt(block: TextBlock, at: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A position in the DOM: a text node and an offset in it. */
export interface Boundary {
  node: Text;
  offset: number;
  /** The node's index in the block's `nodes`. */
  index: number;
}

/** Maps [start, end) in a block's text back to DOM boundaries. */
export function toBoundaries(block: TextBlock, start: number, end: number): [Boundary, Boundary] {
  const i = nodeAt(block, start);
  const j = nodeAt(block, Math.max(start, end - 1));
  return [
    { node: block.nodes[i]!, offset: start - block.starts[i]!, index: i },
    { node: block.nodes[j]!, offset: end - block.starts[j]!, index: j },
  ];
}

/** The runs of text whose nearest block is `block`, nested blocks left out: a block's own text. */
export function ownRuns(block: Element, classifier: ElementClassifier): TextBlock[] {
  const out: TextBlock[] = [];
  let run: TextBlock | null = null;
  const visit = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) {
        run ??= { block, nodes: [], starts: [], text: '' };
        run.starts.push(run.text.length);
        run.nodes.push(c as Text);
        run.text += (c as Text).data;
      } else if (c.nodeType === 1 /* ELEMENT_NODE */) {
        const info = classifier.info(c as Element);
        if (info.skip) continue;
        if (info.block !== block) {
          if (run) out.push(run);
          run = null;
          continue;
        }
        visit(c);
      }
    }
  };
  if (!classifier.info(block).skip) visit(block);
  if (run) out.push(run);
  return out.filter((r) => HAS_TEXT.test(r.text));
}

/** Whether a plain block is still in the page with the text it was read with. */
export const holdsText = (block: Element, text: string): boolean =>
  block.isConnected && block.textContent === text;

/**
 * A plain block (nothing inside but inline text) as one run, its text already read. Its text
 * nodes are listed only when a mention in it is first drawn, and only as far as that mention:
 * each node listed costs a wrapper in the content script's world, and the quiet default
 * leaves a third of them unreached on a page that names someone in every paragraph.
 */
export class PlainRun implements TextBlock {
  readonly nodes: Text[] = [];
  readonly starts: number[] = [];
  /** Where the listing stopped, until it reaches the end. */
  #walker: TreeWalker | null = null;
  #at = 0;
  #stale = false;
  #generation: number;
  readonly #current: () => number;

  /**
   * `generation` tells whether the page changed since `text` was read (`MutationBatcher`):
   * a block listed after a change is listed only if its text is still `text`.
   */
  constructor(
    readonly block: Element,
    readonly text: string,
    generation: () => number = () => 0,
  ) {
    this.#current = generation;
    this.#generation = generation();
  }

  /**
   * Lists text nodes until they reach offset `until`; returns the run, or null when the block
   * no longer holds the text it was read with (its rescan replaces its mentions).
   */
  cover(until: number): TextBlock | null {
    if (this.#stale) return null;
    const now = this.#current();
    if (now !== this.#generation) {
      // The page changed since: the text must still be the one matched, and the nodes listed
      // so far may have been replaced (a re-render), so they are listed again.
      this.nodes.length = this.starts.length = this.#at = 0;
      this.#walker = null;
      if (!holdsText(this.block, this.text)) {
        this.#stale = true;
        return null;
      }
      this.#generation = now;
    }
    if (this.#at < until || !this.nodes.length) {
      const walker = (this.#walker ??= this.block.ownerDocument.createTreeWalker(
        this.block,
        4 /* NodeFilter.SHOW_TEXT */,
      ));
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        this.nodes.push(n);
        this.starts.push(this.#at);
        this.#at += n.length;
        if (this.#at >= until) break;
      }
      if (this.#at >= this.text.length) this.#walker = null;
    }
    return this.nodes.length ? this : null;
  }
}
