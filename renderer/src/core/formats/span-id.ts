/**
 * Deterministic id for a span from a file that has none, so importing the same file twice yields
 * the same ids (cyrb53: a fast 53-bit string hash; collisions only matter within one annotation
 * set, where (start, end, label) is already unique). O(length of the key).
 */
export function makeSpanId(
  docId: string,
  annotator: string,
  start: number,
  end: number,
  label: string,
): string {
  const key = `${docId}\u0001${annotator}\u0001${start}\u0001${end}\u0001${label}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `s${n.toString(36).padStart(11, '0')}`;
}
