/**
 * Posting lists packed into short ASCII strings: ascending integers as varint deltas, five
 * bits a character. A 100k-statement index parses as a few thousand strings instead of
 * millions of numbers, and each list is only decoded when a query touches its term.
 */

const BASE = 48; // '0'; 64 symbols up to 'o', all printable ASCII.

/** Packs ascending non-negative integers. */
export function encodePostings(sorted: readonly number[]): string {
  let out = '';
  let previous = 0;
  for (const n of sorted) {
    let delta = n - previous;
    previous = n;
    while (delta >= 32) {
      out += String.fromCharCode(BASE + 32 + (delta & 31));
      delta = Math.floor(delta / 32);
    }
    out += String.fromCharCode(BASE + delta);
  }
  return out;
}

/** Unpacks what `encodePostings` packed. */
export function decodePostings(packed: string): Uint32Array {
  const out = new Uint32Array(countPostings(packed));
  let value = 0;
  let shift = 1;
  let delta = 0;
  let previous = 0;
  let i = 0;
  for (let c = 0; c < packed.length; c++) {
    const code = packed.charCodeAt(c) - BASE;
    if (code >= 32) {
      delta += (code - 32) * shift;
      shift *= 32;
      continue;
    }
    value = previous + delta + code * shift;
    out[i++] = value;
    previous = value;
    delta = 0;
    shift = 1;
  }
  return out;
}

/** How many integers a packed list holds (its document frequency), without decoding it. */
export function countPostings(packed: string): number {
  let n = 0;
  for (let c = 0; c < packed.length; c++) if (packed.charCodeAt(c) - BASE < 32) n++;
  return n;
}

/** Packs non-negative integers in any order (no deltas), in the same alphabet. */
export function encodeValues(values: readonly number[]): string {
  let out = '';
  for (const n of values) {
    let v = n;
    while (v >= 32) {
      out += String.fromCharCode(BASE + 32 + (v & 31));
      v = Math.floor(v / 32);
    }
    out += String.fromCharCode(BASE + v);
  }
  return out;
}

/** Unpacks what `encodeValues` packed. */
export function decodeValues(packed: string): Uint32Array {
  const out = new Uint32Array(countPostings(packed));
  let shift = 1;
  let value = 0;
  let i = 0;
  for (let c = 0; c < packed.length; c++) {
    const code = packed.charCodeAt(c) - BASE;
    if (code >= 32) {
      value += (code - 32) * shift;
      shift *= 32;
      continue;
    }
    out[i++] = value + code * shift;
    value = 0;
    shift = 1;
  }
  return out;
}
