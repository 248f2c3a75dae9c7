/**
 * Posting lists packed into short ASCII strings: ascending integers as varint deltas, five
 * bits a character. A 100k-statement index parses as a few thousand strings instead of
 * millions of numbers, and each list is only decoded when a query touches its term.
 */

const BASE = 48; // '0'; 64 symbols up to 'o', all printable ASCII.

/** Packs ascending non-negative integers. */
export function encodePostings(sorted: ArrayLike<number>): string {
  return pack(sorted, true);
}

let buffer = new Uint8Array(4096);

/** Varints into a reused byte buffer, turned into a string in large chunks (not per char). */
function pack(values: ArrayLike<number>, deltas: boolean): string {
  if (buffer.length < values.length * 7) buffer = new Uint8Array(values.length * 7);
  let n = 0;
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    if (deltas) {
      const d = v - previous;
      previous = v;
      v = d;
    }
    while (v >= 32) {
      buffer[n++] = BASE + 32 + (v & 31);
      v = Math.floor(v / 32);
    }
    buffer[n++] = BASE + v;
  }
  let out = '';
  for (let i = 0; i < n; i += 8192) {
    out += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(n, i + 8192)) as never);
  }
  return out;
}

/** Unpacks what `encodePostings` packed; `count`, when known, spares a counting pass. */
export function decodePostings(packed: string, count = countPostings(packed)): Uint32Array {
  const out = new Uint32Array(count);
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
export function encodeValues(values: ArrayLike<number>): string {
  return pack(values, false);
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
