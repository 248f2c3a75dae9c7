/**
 * Finds a vocabulary term by the letters of a word inside a longer text, without slicing
 * the word out or lower-casing it first: indexing 100,000 statements meets millions of
 * words, and almost all of them are terms already known. Open addressing over FNV-1a
 * hashes of the lower-cased letters; a word is taken for a term when its length and two
 * independent 32-bit hashes (FNV-1a and a multiply-by-31 hash) agree, instead of reading
 * its letters again (a fifth of a first build went there). That two different words agree
 * on length and 64 bits of hash is a chance below one in a hundred million for all the
 * words of a 100,000-statement library. ASCII words only; others go through `normalise`.
 */
export class TermTable {
  /**
   * Open-addressing slots of four numbers: FNV-1a hash, second hash, length, term id + 1
   * (0: empty). A probe reads one cache line: the table of a large vocabulary is far bigger
   * than the CPU's caches, and a second array to check a hit doubled the misses.
   */
  private slots = new Int32Array(4 * 1024);
  private used = 0;

  constructor(terms: readonly string[]) {
    terms.forEach((term, t) => this.insert(t, hashOf(term), secondHashOf(term), term.length));
  }

  /** The id of the term of this length and hashes (see `hashOf`, `secondHashOf`), or -1. */
  find(length: number, hash: number, second: number): number {
    const { slots } = this;
    const mask = (slots.length >> 2) - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const k = i * 4;
      const id = slots[k + 3]!;
      if (id === 0) return -1;
      if (slots[k] === hash && slots[k + 1] === second && slots[k + 2] === length) return id - 1;
    }
  }

  /** Records that term `t` has these hashes and length. */
  insert(t: number, hash: number, second: number, length: number): void {
    if ((this.used + 1) * 2 > this.slots.length >> 2) this.rehash(this.slots.length * 2);
    this.place(this.slots, hash, second, length, t + 1);
    this.used++;
  }

  private place(slots: Int32Array, hash: number, second: number, length: number, id: number) {
    const mask = (slots.length >> 2) - 1;
    let i = hash & mask;
    while (slots[i * 4 + 3] !== 0) i = (i + 1) & mask;
    const k = i * 4;
    slots[k] = hash;
    slots[k + 1] = second;
    slots[k + 2] = length;
    slots[k + 3] = id;
  }

  private rehash(size: number): void {
    const old = this.slots;
    const slots = new Int32Array(size);
    for (let k = 0; k < old.length; k += 4) {
      if (old[k + 3] !== 0) this.place(slots, old[k]!, old[k + 1]!, old[k + 2]!, old[k + 3]!);
    }
    this.slots = slots;
  }
}

/** FNV-1a over a term's UTF-16 code units (the scanner hashes lower-cased letters alike). */
export function hashOf(term: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), FNV_PRIME);
  return h;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** A second, independent hash of a term's code units: h * 31 + c, from SECOND_SEED. */
export function secondHashOf(term: string): number {
  let h = SECOND_SEED;
  for (let i = 0; i < term.length; i++) h = (Math.imul(h, 31) + term.charCodeAt(i)) | 0;
  return h;
}

export const SECOND_SEED = 7;
