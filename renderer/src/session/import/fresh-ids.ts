/**
 * Random version 4 UUIDs, shaped as `crypto.randomUUID()` shapes them (lowercase, 122 random bits
 * from the same CSPRNG), made 4,096 at a time from one `getRandomValues` call. Why: the import gives
 * a fresh id to every span whose id is taken, which is nearly every span of a file whose records
 * all name their spans "b0", "b1"… (the bench's file: 199,998 of 200,000), and `crypto.randomUUID`
 * cost ~5 µs a call in the import worker (a trip to the random source each time): ~0.9 s of a
 * 100,000-line import under load (a CPU profile of the worker, issue 20 item 1).
 */
const IDS_PER_DRAW = 4096; // 65,536 random bytes, the most one getRandomValues call gives
const LENGTH = 36;
/** Where each random byte's two hex digits go (hyphens at 8, 13, 18 and 23). */
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const DIGITS = new TextEncoder().encode('0123456789abcdef');
const HYPHEN = 0x2d;

export function uuidSource(
  fill: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => void crypto.getRandomValues(b),
): () => string {
  const random = new Uint8Array(16 * IDS_PER_DRAW);
  const ascii = new Uint8Array(LENGTH * IDS_PER_DRAW);
  const decoder = new TextDecoder();
  let drawn = '';
  let next = IDS_PER_DRAW;
  // All 4,096 ids are written as ASCII and decoded into one string, each id a slice of it: one
  // string built per draw instead of 36 characters joined per id (~3× faster, and flat, so hashing
  // an id in a Set does not first flatten a rope of 20 pieces).
  const draw = () => {
    fill(random);
    for (let u = 0; u < IDS_PER_DRAW; u++) {
      const out = u * LENGTH;
      ascii[out + 8] = ascii[out + 13] = ascii[out + 18] = ascii[out + 23] = HYPHEN;
      for (let k = 0; k < 16; k++) {
        let b = random[u * 16 + k] as number;
        if (k === 6) b = (b & 0x0f) | 0x40; // version 4
        if (k === 8) b = (b & 0x3f) | 0x80; // variant 10 (RFC 9562)
        const at = out + (AT[k] as number);
        ascii[at] = DIGITS[b >> 4] as number;
        ascii[at + 1] = DIGITS[b & 15] as number;
      }
    }
    drawn = decoder.decode(ascii);
    next = 0;
  };
  return () => {
    if (next === IDS_PER_DRAW) draw();
    const id = drawn.slice(next * LENGTH, (next + 1) * LENGTH);
    next++;
    return id;
  };
}
