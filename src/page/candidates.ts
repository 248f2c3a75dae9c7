/**
 * Finds the text nodes that may hold a mention without visiting every text node: a subtree's
 * whole text comes from one `textContent` call (native, no per-node JS wrapper), the
 * matcher's anchor words are searched in it, and only subtrees that hold an anchor are
 * descended into. A page without any name costs a few native calls and one RegExp pass.
 * Works on any Document (browser or linkedom).
 */

import { isBlockElement, isSkippedElement } from './text-blocks';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Siblings read as one string: a whole subtree, or a run of one parent's children. */
interface Group {
  parent: Node | null;
  nodes: Node[];
  /** How many splits led here. */
  depth: number;
  /** The nodes' texts when the group was formed, and the page's generation then. */
  texts?: string[];
  generation?: number;
  /** Not yet listed: `parent`'s children from this one on (long child lists go in steps). */
  cursor?: Node;
  /** A cursor the page removed restarts its parent once; this says it did. */
  restarted?: boolean;
}

export interface FinderOptions {
  /** Characters of text read and searched in one step. */
  limit?: number;
  /**
   * A number that changes whenever the page changes (the scanner counts mutation records).
   * While it holds, texts read when a group was formed are reused instead of read again.
   */
  generation?: () => number;
}

/**
 * Past this many nested splits a group is read whole: splitting re-reads each level's text,
 * so a page nested thousands deep would otherwise cost depth x size.
 */
const MAX_DEPTH = 24;

/**
 * Text of a node as `textContent` counts it, except that comments and the like, and elements
 * never scanned (a page's inline scripts can be megabytes of JSON), count for nothing.
 */
function textOf(node: Node): string {
  const type = node.nodeType;
  if (type === TEXT_NODE) return (node as Text).data;
  if (type === ELEMENT_NODE && !isSkippedElement(node as Element)) return node.textContent ?? '';
  return '';
}

const ENDS_WITH_SPACE = /\s$/;
const STARTS_WITH_SPACE = /^\s/;

/** Text length past which an element holding an anchor is searched again by its children. */
const REFINE = 4096;

/** Children per run when an element is split: each child's text is read once, in its run. */
const RUN = 128;

/**
 * Whether an element is split without reading its text first: a long list of children
 * (`<article>` of paragraphs) or a wrapper around one block (`<body><div id=app>`). Cheap
 * counts only; what this misses is read once more than needed, nothing worse.
 */
function isContainer(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  // Counted by hand up to RUN: `childNodes.length` walks every child of a long list.
  let n = 0;
  for (let c = el.firstChild; c && n <= RUN; c = c.nextSibling) n++;
  if (n > RUN) return true;
  const first = el.firstElementChild;
  return first !== null && first === el.lastElementChild && isBlockElement(first);
}

const isBlock = (node: Node | undefined): boolean =>
  node?.nodeType === ELEMENT_NODE && isBlockElement(node as Element);

/**
 * Walks a subtree in groups of about `limit` characters of text, so each group is read,
 * searched and mapped back in one synchronous step: the page cannot change the DOM between
 * reading a group's text and mapping offsets in it to nodes. Call `next` until `done`.
 */
export class CandidateFinder {
  readonly #stack: Group[];
  readonly #limit: number;
  readonly #generation: () => number;
  readonly #anchors: (text: string) => number[];
  done = false;

  constructor(root: Node, anchors: (text: string) => number[], options: FinderOptions = {}) {
    this.#anchors = anchors;
    this.#limit = options.limit ?? 256 * 1024;
    this.#generation = options.generation ?? (() => NaN);
    this.#stack = [{ parent: null, nodes: [root], depth: 0 }];
  }

  /**
   * Reports, in document order, the nodes that hold an anchor, with their text, until
   * `shouldStop()` or the end: text nodes, or elements of at most about `limit` characters.
   */
  next(onNode: (node: Text | Element, text: string) => void, shouldStop: () => boolean): void {
    while (this.#stack.length) {
      const group = this.#stack.pop()!;
      this.#read(group, onNode);
      if (shouldStop()) break;
    }
    this.done = this.#stack.length === 0;
  }

  #read(group: Group, onNode: (node: Text | Element, text: string) => void): void {
    // Nodes listed just now, in this same step, need no check that they are still there.
    let fresh = false;
    if (group.cursor) {
      const listed = this.#list(group);
      if (!listed) return;
      group = listed;
      fresh = true;
    }
    let nodes = group.nodes;
    let texts = group.texts;
    const lone = nodes.length === 1 ? nodes[0]! : null;
    // The root is split unread (`body` often holds big inline scripts besides the text),
    // unless a first read of it all can end the search.
    const root = group.parent === null && group.depth === 0 && lone?.nodeType === ELEMENT_NODE;
    if (lone && !texts && group.depth < MAX_DEPTH && (root || isContainer(lone))) {
      // Most pages name no one: a wide root (32 to RUN children, not a flat book of
      // thousands) whose whole text, scripts and all, holds no anchor is done after one
      // native read, without a wrapper per child.
      const n = root ? (lone as Element).childElementCount : 0;
      if (n < 32 || n > RUN || this.#anchors(lone.textContent!).length) {
        this.#split(lone, group.depth + 1, group.restarted);
      }
      return;
    }
    if (!texts || group.generation !== this.#generation()) {
      // Unread, or the page changed since: nodes it moved away are read where they are now.
      if (!fresh) {
        nodes = group.parent
          ? nodes.filter((n) => n.parentNode === group.parent)
          : nodes.filter((n) => n.isConnected);
      }
      texts = nodes.map(textOf);
    }
    let total = 0;
    for (const t of texts) total += t.length;
    if (total === 0) return;
    if (total > this.#limit && group.depth < MAX_DEPTH) {
      const only = nodes.length === 1 ? nodes[0]! : null;
      if (only?.nodeType === ELEMENT_NODE && only.firstChild) {
        this.#split(only, group.depth + 1, group.restarted);
        return;
      }
      if (!only && this.#halve(group, nodes, texts)) return;
    }
    const offsets = this.#anchors(texts.join(''));
    if (offsets.length) locate(nodes, texts, offsets, onNode);
  }

  /** Queues an element's children, to be listed RUN or so at a time, unread. */
  #split(el: Node, depth: number, restarted?: boolean): void {
    const cursor = el.firstChild ?? undefined;
    if (cursor) this.#stack.push({ parent: el, nodes: [], depth, cursor, restarted });
  }

  /**
   * Lists the next run of a cursor's siblings (about RUN, ending where no anchor word can
   * continue across: next to a block element or a space) and queues the rest.
   */
  #list(group: Group): Group | null {
    const parent = group.parent!;
    const start = group.cursor!;
    if (start.parentNode !== parent) {
      // The page moved the next child away: read the parent again, once.
      if (!group.restarted && parent.isConnected) {
        this.#stack.push({
          parent: null,
          nodes: [parent],
          depth: group.depth - 1,
          restarted: true,
        });
      }
      return null;
    }
    const nodes: Node[] = [];
    let c: Node | null = start;
    while (c && (nodes.length < RUN || !breakable(nodes[nodes.length - 1]!, c))) {
      nodes.push(c);
      c = c.nextSibling;
    }
    if (c) this.#stack.push({ ...group, cursor: c });
    return { parent, nodes, depth: group.depth, restarted: group.restarted };
  }

  /** Queues a run that is over the limit as two halves, texts kept; false if it cannot be cut. */
  #halve(group: Group, nodes: Node[], texts: string[]): boolean {
    const mid = nodes.length >> 1;
    const ok = (j: number) => j > 0 && breakable(nodes[j - 1]!, nodes[j]!, texts[j - 1], texts[j]);
    let cut = -1;
    for (let d = 0; d < mid && cut < 0; d++) {
      if (ok(mid - d)) cut = mid - d;
      else if (mid + d < nodes.length && ok(mid + d)) cut = mid + d;
    }
    if (cut <= 0) return false;
    const generation = this.#generation();
    const half = (a: number, b: number): Group => ({
      parent: group.parent,
      nodes: nodes.slice(a, b),
      texts: texts.slice(a, b),
      depth: group.depth,
      generation,
    });
    this.#stack.push(half(cut, nodes.length), half(0, cut));
    return true;
  }
}

/**
 * Whether siblings `a` and `b` can be read apart: one of them is a block, or a space
 * separates them (anchor words hold no space). Element texts are only used when given.
 */
function breakable(a: Node, b: Node, textA?: string, textB?: string): boolean {
  if (isBlock(a) || isBlock(b)) return true;
  const before = textA ?? (a.nodeType === TEXT_NODE ? (a as Text).data : '');
  const after = textB ?? (b.nodeType === TEXT_NODE ? (b as Text).data : '');
  return ENDS_WITH_SPACE.test(before) || STARTS_WITH_SPACE.test(after);
}

/**
 * Reports the nodes (text nodes, or elements) among `nodes`, whose texts are `texts`
 * concatenated, that hold one of the sorted `offsets`. The refining is done here rather than
 * in a callback made by the finder's step, which every page would compile.
 */
function locate(
  nodes: Node[],
  texts: string[],
  offsets: number[],
  onNode: (node: Text | Element, text: string) => void,
): void {
  let pos = 0;
  let i = 0;
  for (let k = 0; k < nodes.length && i < offsets.length; k++) {
    const node = nodes[k] as Text | Element;
    const text = texts[k]!;
    const end = pos + text.length;
    if (offsets[i]! < end) {
      const first = i;
      while (i < offsets.length && offsets[i]! < end) i++;
      // A big element is not handed over whole: the text nodes holding the anchors are, so
      // the scanner reads only the blocks around them. They are found by their lengths in
      // one walk; reading the text again child by child, level by level, read an article
      // nested ten deep ten times. Only then are its offsets made relative to it.
      if (text.length > REFINE && node.nodeType === ELEMENT_NODE) {
        locateText(
          node,
          offsets.slice(first, i).map((o) => o - pos),
          onNode,
        );
      } else onNode(node, text);
    }
    pos = end;
  }
}

/**
 * Reports the text nodes of `el` that hold one of the sorted `offsets` of its text (its
 * `textContent`: every text node's data, in document order). Only lengths are read, and
 * the data of the nodes reported.
 */
function locateText(
  el: Node,
  offsets: number[],
  onNode: (node: Text | Element, text: string) => void,
): void {
  const walker = el.ownerDocument!.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let pos = 0;
  let i = 0;
  for (let n = walker.nextNode() as Text | null; n && i < offsets.length;) {
    const end = pos + n.length;
    if (offsets[i]! < end) {
      onNode(n, n.data);
      while (i < offsets.length && offsets[i]! < end) i++;
    }
    pos = end;
    n = walker.nextNode() as Text | null;
  }
}
