import { FNV_OFFSET, FNV_PRIME } from './term-table';

/**
 * Document numbers by kind and id. A `Map` per kind cost a library's first build about a
 * tenth of its time (V8 inserts 100,000 fresh strings into a growing hash map at about
 * 400 ns each); this is open addressing over an FNV-1a hash of the id, stored beside the
 * document number so a probe reads one place, and the id itself is only compared when the
 * hashes agree. A slot keeps pointing at a removed document until its id comes back: the
 * caller checks that a document is alive, so nothing is ever deleted here.
 */
export class IdTable {
  /** Pairs: hash, document + 1 (0: empty). */
  private slots: Int32Array;
  private used = 0;

  constructor(
    /** Whether document `doc` has this kind code and id. */
    private readonly holds: (doc: number, kind: number, id: string) => boolean,
    expected = 0,
  ) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
  }

  /** The document last set for this kind code and id (alive or not), or -1. */
  get(kind: number, id: string): number {
    const { slots } = this;
    const hash = idHash(kind, id);
    const mask = (slots.length >> 1) - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const doc = slots[i * 2 + 1]! - 1;
      if (doc < 0) return -1;
      if (slots[i * 2] === hash && this.holds(doc, kind, id)) return doc;
    }
  }

  /** Points this kind code and id at `doc`; returns the document it pointed at before, or -1. */
  set(kind: number, id: string, doc: number): number {
    const hash = idHash(kind, id);
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const old = slots[i * 2 + 1]! - 1;
      if (old < 0) break;
      if (slots[i * 2] === hash && this.holds(old, kind, id)) {
        slots[i * 2 + 1] = doc + 1;
        return old;
      }
    }
    slots[i * 2] = hash;
    slots[i * 2 + 1] = doc + 1;
    if (++this.used * 2 > mask + 1) this.rehash();
    return -1;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === 0) continue;
      let i = old[k]! & mask;
      while (slots[i * 2 + 1] !== 0) i = (i + 1) & mask;
      slots[i * 2] = old[k]!;
      slots[i * 2 + 1] = old[k + 1]!;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the kind code, then the id's UTF-16 code units. */
function idHash(kind: number, id: string): number {
  let h = Math.imul(FNV_OFFSET ^ kind, FNV_PRIME);
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
  return h;
}
