/**
 * Posting lists packed into short ASCII strings: ascending integers as varint deltas, five
 * bits a character. A 100k-statement index parses as a few thousand strings instead of
 * millions of numbers, and each list is only decoded when a query touches its term.
 *
 * A varint's last digit is one of '0'…'O' (48–79), the others one of 'P'…'p' (80–112)
 * without the backslash (92): JSON writes a backslash as two characters, and with one in
 * every 50 characters JSON.parse of a 100k-statement index took 12–20 ms instead of 9–14.
 */

const LAST = 48;
const MORE = 80;
const BACKSLASH = 92;

/** The character of a varint's digit `d` (0–31) that is not its last. */
const more = (d: number) => MORE + d + (MORE + d >= BACKSLASH ? 1 : 0);

/** The digit (0–31) of such a character: one less above the backslash. */
const moreDigit = (c: number) => c - MORE - ((BACKSLASH - c) >>> 31);

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
      buffer[n++] = more(v & 31);
      v = Math.floor(v / 32);
    }
    buffer[n++] = LAST + v;
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
    const code = packed.charCodeAt(c);
    if (code >= MORE) {
      delta += moreDigit(code) * shift;
      shift *= 32;
      continue;
    }
    value = previous + delta + (code - LAST) * shift;
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
  for (let c = 0; c < packed.length; c++) if (packed.charCodeAt(c) < MORE) n++;
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
    const code = packed.charCodeAt(c);
    if (code >= MORE) {
      value += moreDigit(code) * shift;
      shift *= 32;
      continue;
    }
    out[i++] = value + (code - LAST) * shift;
    value = 0;
    shift = 1;
  }
  return out;
}
