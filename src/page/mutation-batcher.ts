import { OUR_PREFIX, isBlockElement, type ElementClassifier } from './text-blocks';

/** Timers the batcher may use; pass WXT's `ctx` so they die with the content script. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** What a batch of page changes touched, in blocks to rescan and subtrees to search. */
export interface PageChanges {
  /** Blocks whose own text changed (text edited, inline nodes added or removed). */
  changed: Set<Element>;
  /** Elements the page added: searched like a page of their own. */
  subtrees: Set<Element>;
  /** Whether anything was removed: mentions in removed blocks must be dropped. */
  removed: boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const isOurs = (el: Element) => el.tagName.toUpperCase().startsWith(OUR_PREFIX);

/**
 * One MutationObserver for the whole page, its records collected for `batchMs` and handed
 * over as blocks and subtrees: a page that edits itself in a loop costs one rescan per batch,
 * not one per record. Our own elements (the card) are left out.
 */
export class MutationBatcher {
  /** Mutation records seen so far: tells a reader whether texts it read are still true. */
  generation = 0;
  #observer: MutationObserver | null = null;
  #queue: MutationRecord[] = [];
  #timer: number | null = null;

  readonly #doc: Document;
  readonly #classifier: ElementClassifier;
  readonly #timers: Timers;
  readonly #batchMs: number;
  readonly #onBatch: (changes: PageChanges) => void;

  constructor(
    doc: Document,
    classifier: ElementClassifier,
    timers: Timers,
    batchMs: number,
    onBatch: (changes: PageChanges) => void,
  ) {
    this.#doc = doc;
    this.#classifier = classifier;
    this.#timers = timers;
    this.#batchMs = batchMs;
    this.#onBatch = onBatch;
  }

  start(): void {
    const Observer = this.#doc.defaultView?.MutationObserver ?? MutationObserver;
    this.#observer = new Observer((records) => {
      for (const r of records) this.#queue.push(r);
      this.generation += records.length;
      this.#timer ??= this.#timers.setTimeout(() => this.#flush(), this.#batchMs);
    });
    this.#observer.observe(this.#doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
    this.#queue = [];
  }

  #flush(): void {
    this.#timer = null;
    const records = this.#queue;
    this.#queue = [];
    const changes: PageChanges = { changed: new Set(), subtrees: new Set(), removed: false };
    for (const r of records) {
      if (r.type === 'characterData') {
        const parent = r.target.parentElement;
        if (parent) changes.changed.add(this.#classifier.info(parent).block);
        continue;
      }
      const target = r.target as Element;
      if (target.nodeType !== ELEMENT_NODE || isOurs(target)) continue;
      if (r.removedNodes.length) changes.removed = true;
      let inline = r.removedNodes.length > 0;
      for (const n of r.addedNodes) {
        if (n.nodeType === ELEMENT_NODE) {
          if (isOurs(n as Element)) continue;
          changes.subtrees.add(n as Element);
          if (!isBlockElement(n as Element)) inline = true;
        } else if (n.nodeType === TEXT_NODE) inline = true;
      }
      if (inline && target.isConnected) changes.changed.add(this.#classifier.info(target).block);
    }
    this.#onBatch(changes);
  }
}
