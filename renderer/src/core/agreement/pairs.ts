/**
 * Annotator order and pair keys. Names are ordered by Unicode CODE POINT, not by UTF-16 unit
 * (`<` on strings) nor by locale: the fixtures key pairs `"A|B"` that way, and the two orders
 * differ once a name holds a character above U+FFFF next to one in U+E000–U+FFFF.
 */

/** Compares two strings by code point. O(min length). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Units differ at i, with equal prefixes. A surrogate (D800–DFFF) stands for a code point
    // above FFFF, so it sorts after every BMP unit; plain `<` puts it before E000–FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** One unordered pair of annotators, `a` before `b`; `i`/`j` index the sorted annotator list. */
export interface AnnotatorPair {
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly i: number;
  readonly j: number;
}

/** Every unordered pair of `sorted` (already in code point order), in row-major order. O(m²). */
export function annotatorPairs(sorted: readonly string[]): AnnotatorPair[] {
  const out: AnnotatorPair[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i] as string;
      const b = sorted[j] as string;
      out.push({ key: `${a}|${b}`, a, b, i, j });
    }
  }
  return out;
}

/**
 * A plain object from entries. `Object.fromEntries` defines own properties, so a key such as
 * `__proto__` (an annotator may be called anything) stays data instead of replacing the prototype.
 */
export function record<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  return Object.fromEntries(entries) as Record<string, V>;
}

/** Arithmetic mean of the defined values; `null` when none is defined. */
export function meanDefined(values: Iterable<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}
