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
  /** Open-addressing slots: term id + 1 (0: empty). */
  private slots = new Int32Array(1024);
  /** Per term id, interleaved: FNV-1a hash, second hash, length (one cache line per probe). */
  private keys = new Int32Array(3 * 1024);
  private used = 0;

  constructor(terms: readonly string[]) {
    terms.forEach((term, t) => this.insert(t, hashOf(term), secondHashOf(term), term.length));
  }

  /** The id of the term of this length and hashes (see `hashOf`, `secondHashOf`), or -1. */
  find(length: number, hash: number, second: number): number {
    const { slots, keys } = this;
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      const k = (slot - 1) * 3;
      if (keys[k] === hash && keys[k + 1] === second && keys[k + 2] === length) return slot - 1;
    }
  }

  /** Records that term `t` has these hashes and length. */
  insert(t: number, hash: number, second: number, length: number): void {
    if (t * 3 + 3 > this.keys.length) {
      const next = new Int32Array(Math.max(t * 3 + 3, this.keys.length * 2));
      next.set(this.keys);
      this.keys = next;
    }
    this.keys[t * 3] = hash;
    this.keys[t * 3 + 1] = second;
    this.keys[t * 3 + 2] = length;
    if ((this.used + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    this.place(t, hash);
    this.used++;
  }

  private place(t: number, hash: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = t + 1;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    for (const slot of old) if (slot !== 0) this.place(slot - 1, this.keys[(slot - 1) * 3]!);
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
