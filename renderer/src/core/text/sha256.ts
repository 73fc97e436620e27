/**
 * SHA-256 of a string's UTF-8 bytes as 64 lowercase hex digits, for short texts in bulk (issue 20:
 * an import hashes every article). The general-purpose `@noble/hashes` path spends most of its time
 * around the compression (a TextEncoder call, a hasher object, views and buffers per text); here the
 * UTF-8 bytes go straight into one reused word buffer and the digest straight into a hex string.
 * Same bytes as `TextEncoder` (a lone surrogate is U+FFFD), same digest: tests/unit/core/text/sha256.test.ts.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const DIGITS = '0123456789abcdef';

const W = new Int32Array(64);
const H = new Int32Array(8);
/** The message as big-endian words; grown (never shrunk) for the longest text seen. */
let words = new Int32Array(1024);

/** Writes byte `b` at byte position `p` of the big-endian word buffer (which starts zeroed). */
function put(p: number, b: number): void {
  words[p >> 2]! |= b << (24 - ((p & 3) << 3));
}

/** UTF-8 of `text` into `words` (as TextEncoder: lone surrogates become U+FFFD). Returns the byte length. */
function encode(text: string): number {
  const n = text.length;
  let p = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      put(p++, c);
      continue;
    }
    if (c < 0x800) {
      put(p++, 0xc0 | (c >> 6));
      put(p++, 0x80 | (c & 63));
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        put(p++, 0xf0 | (c >> 18));
        put(p++, 0x80 | ((c >> 12) & 63));
        put(p++, 0x80 | ((c >> 6) & 63));
        put(p++, 0x80 | (c & 63));
        continue;
      }
      c = 0xfffd;
    }
    put(p++, 0xe0 | (c >> 12));
    put(p++, 0x80 | ((c >> 6) & 63));
    put(p++, 0x80 | (c & 63));
  }
  return p;
}

function compress(at: number): void {
  for (let t = 0; t < 16; t++) W[t] = words[at + t]!;
  for (let t = 16; t < 64; t++) {
    const a = W[t - 15]!;
    const b = W[t - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = H[0]!;
  let b = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

/**
 * The digest's characters after a prefix, reused: one `fromCharCode` makes one flat string. Joining
 * 32 hex pairs made a rope of ~33 pieces, which every later Set, Map, sort, slice and clone of a
 * document id walked or flattened (batchIndexRows alone: ~0.6 s of a 100,000-line import under load).
 */
let codes: number[] = [];
let codesPrefix: string | null = null;

function hexDigest(prefix: string): string {
  if (codesPrefix !== prefix) {
    codes = Array.from({ length: prefix.length + 64 }, (_, i) => prefix.charCodeAt(i) || 0);
    codesPrefix = prefix;
  }
  let p = prefix.length;
  for (let i = 0; i < 8; i++) {
    const x = H[i]!;
    for (let shift = 28; shift >= 0; shift -= 4) codes[p++] = DIGITS.charCodeAt((x >>> shift) & 15);
  }
  return String.fromCharCode.apply(null, codes);
}

/** SHA-256 of `text`'s UTF-8 bytes, in hex. O(text length); not reentrant (module-level buffers). */
export const sha256Hex = (text: string): string => prefixedSha256Hex(text, '');

/** `prefix` then the SHA-256 of `text` in hex, as one flat string (see hexDigest). */
export function prefixedSha256Hex(text: string, prefix: string): string {
  // At most 3 UTF-8 bytes per UTF-16 unit, plus the 0x80 byte and the 8-byte length, in whole blocks.
  const blocks = Math.ceil((text.length * 3 + 9) / 64);
  if (words.length < blocks * 16) words = new Int32Array(blocks * 16 * 2);
  else words.fill(0, 0, blocks * 16);
  const bytes = encode(text);
  put(bytes, 0x80);
  const used = Math.ceil((bytes + 9) / 64) * 16;
  // Bit length as a 64-bit big-endian number; texts stay far below 2^53 bits.
  const bits = bytes * 8;
  words[used - 2] = Math.floor(bits / 0x100000000);
  words[used - 1] = bits | 0;
  H.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  for (let at = 0; at < used; at += 16) compress(at);
  return hexDigest(prefix);
}
