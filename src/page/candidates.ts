/**
 * Finds the text nodes that may hold a mention without visiting every text node: a subtree's
 * whole text comes from one `textContent` call (native, no per-node JS wrapper), the
 * matcher's anchor words are searched in it, and only subtrees that hold an anchor are
 * descended into. A page without any name costs a few native calls and one RegExp pass.
 * Works on any Document (browser or linkedom).
 */

import { isBlockElement } from './text-blocks';

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

/** Text of a child as `textContent` counts it (comments and the like count for nothing). */
function textOf(node: Node): string {
  const type = node.nodeType;
  if (type === TEXT_NODE) return (node as Text).data;
  if (type === ELEMENT_NODE) return node.textContent ?? '';
  return '';
}

const ENDS_WITH_SPACE = /\s$/;
const STARTS_WITH_SPACE = /^\s/;

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
  if (el.childNodes.length > RUN) return true;
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
  private readonly stack: Group[];
  private readonly limit: number;
  private readonly generation: () => number;
  done = false;

  constructor(
    root: Node,
    private readonly anchors: (text: string) => number[],
    options: FinderOptions = {},
  ) {
    this.limit = options.limit ?? 64 * 1024;
    this.generation = options.generation ?? (() => NaN);
    this.stack = [{ parent: null, nodes: [root], depth: 0 }];
  }

  /**
   * Reports, in document order, the nodes that hold an anchor, with their text, until
   * `shouldStop()` or the end: text nodes, or elements of at most about `limit` characters.
   */
  next(onNode: (node: Text | Element, text: string) => void, shouldStop: () => boolean): void {
    while (this.stack.length) {
      const group = this.stack.pop()!;
      this.read(group, onNode);
      if (shouldStop()) break;
    }
    this.done = this.stack.length === 0;
  }

  private read(group: Group, onNode: (node: Text | Element, text: string) => void): void {
    let nodes = group.nodes;
    let texts = group.texts;
    const lone = nodes.length === 1 ? nodes[0]! : null;
    if (lone && !texts && group.depth < MAX_DEPTH && isContainer(lone)) {
      this.split(lone, group.depth + 1);
      return;
    }
    if (!texts || group.generation !== this.generation()) {
      // Unread, or the page changed since: nodes it moved away are read where they are now.
      nodes = group.parent
        ? nodes.filter((n) => n.parentNode === group.parent)
        : nodes.filter((n) => n.isConnected);
      texts = nodes.map(textOf);
    }
    let total = 0;
    for (const t of texts) total += t.length;
    if (total === 0) return;
    if (total > this.limit && group.depth < MAX_DEPTH) {
      const only = nodes.length === 1 ? nodes[0]! : null;
      if (only?.nodeType === ELEMENT_NODE && only.firstChild) {
        this.split(only, group.depth + 1);
        return;
      }
      if (!only && this.halve(group, nodes, texts)) return;
    }
    const offsets = this.anchors(texts.join(''));
    if (offsets.length) locate(nodes, texts, offsets, onNode);
  }

  /**
   * Queues an element's children in runs of about RUN, unread. A run only ends where no
   * anchor word can continue across: next to a block element or a space.
   */
  private split(el: Node, depth: number): void {
    const children: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) children.push(c);
    const runs: Group[] = [];
    let from = 0;
    for (let cut = RUN; cut < children.length; cut++) {
      if (cut - from < RUN || !breakable(children, cut)) continue;
      runs.push({ parent: el, nodes: children.slice(from, cut), depth });
      from = cut;
    }
    runs.push({ parent: el, nodes: children.slice(from), depth });
    for (let i = runs.length - 1; i >= 0; i--) this.stack.push(runs[i]!);
  }

  /** Queues a run that is over the limit as two halves, texts kept; false if it cannot be cut. */
  private halve(group: Group, nodes: Node[], texts: string[]): boolean {
    const mid = nodes.length >> 1;
    let cut = -1;
    for (let d = 0; d < mid && cut < 0; d++) {
      if (breakable(nodes, mid - d, texts)) cut = mid - d;
      else if (mid + d < nodes.length && breakable(nodes, mid + d, texts)) cut = mid + d;
    }
    if (cut <= 0) return false;
    const generation = this.generation();
    const half = (a: number, b: number): Group => ({
      parent: group.parent,
      nodes: nodes.slice(a, b),
      texts: texts.slice(a, b),
      depth: group.depth,
      generation,
    });
    this.stack.push(half(cut, nodes.length), half(0, cut));
    return true;
  }
}

/**
 * Whether siblings can be read apart before `nodes[j]`: one of the two is a block, or a
 * space separates them (anchor words hold no space). Texts are read only for text nodes.
 */
function breakable(nodes: Node[], j: number, texts?: string[]): boolean {
  const a = nodes[j - 1];
  const b = nodes[j];
  if (!a || !b || isBlock(a) || isBlock(b)) return true;
  const before = texts ? texts[j - 1]! : a.nodeType === TEXT_NODE ? (a as Text).data : '';
  const after = texts ? texts[j]! : b.nodeType === TEXT_NODE ? (b as Text).data : '';
  return ENDS_WITH_SPACE.test(before) || STARTS_WITH_SPACE.test(after);
}

/**
 * Reports the nodes (text nodes, or elements) among `nodes`, whose texts are `texts`
 * concatenated, that hold one of the sorted `offsets`.
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
    const end = pos + texts[k]!.length;
    if (offsets[i]! < end) {
      onNode(nodes[k] as Text | Element, texts[k]!);
      while (i < offsets.length && offsets[i]! < end) i++;
    }
    pos = end;
  }
}
