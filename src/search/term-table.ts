/**
 * Finds a vocabulary term by the letters of a word inside a longer text, without slicing
 * the word out or lower-casing it first: indexing 100,000 statements meets millions of
 * words, and almost all of them are terms already known. Open addressing over FNV-1a
 * hashes of the lower-cased letters. ASCII words only; others go through `normalise`.
 */
export class TermTable {
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private used = 0;

  constructor(private readonly terms: readonly string[]) {
    terms.forEach((term, t) => this.insert(t, hashOf(term)));
  }

  /** The id of the term spelled by `text[start, end)` (ASCII, any case), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return -1;
      const t = slot - 1;
      if (this.hashes[t] === hash && sameLower(this.terms[t]!, text, start, end)) return t;
    }
  }

  /** Records that term `t` (already in `terms`) has this hash. */
  insert(t: number, hash: number): void {
    if (t >= this.hashes.length) {
      const next = new Int32Array(Math.max(t + 1, this.hashes.length * 2));
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[t] = hash;
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
    for (const slot of old) if (slot !== 0) this.place(slot - 1, this.hashes[slot - 1]!);
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

function sameLower(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let k = 0; k < term.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c += 32;
    if (term.charCodeAt(k) !== c) return false;
  }
  return true;
}
