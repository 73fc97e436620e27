/**
 * UTF-16 ⇄ Unicode code point offset conversion. THE ONLY place in Marginalia where units change:
 * JavaScript strings, the DOM and Lexical count UTF-16 code units; storage and every export count
 * code points (Python's `text[start:end]`).
 *
 * A `CodePointIndex` records where the surrogate pairs of one text are, so each conversion is a
 * binary search, O(log k) for k astral characters, and O(1) for texts without any.
 */

/** An offset counted in Unicode code points (storage and exports). */
export type CodePointOffset = number;
/** An offset counted in UTF-16 code units (JavaScript strings, DOM, Lexical). */
export type Utf16Offset = number;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A high surrogate followed by a low one (without the `u` flag, a regex matches UTF-16 units). */
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export class CodePointIndex {
  /** UTF-16 index of the high surrogate of every well-formed pair, ascending. */
  private readonly pairsUtf16: readonly number[];
  readonly utf16Length: number;
  readonly codePointLength: number;

  /**
   * Build one per opened document and pass it down: the view that opens a document, its editor and
   * its session each need one, and building it three times cost ~1.5 ms of the open on the 10k
   * article (the scan runs cold, in the interpreter, right after a page load). No cache here: core
   * holds no module state.
   */
  constructor(readonly text: string) {
    // The regex engine's compiled scan, not a charCodeAt loop: the same pairs, left to right (a high
    // surrogate pairs with the low one right after it), several times faster cold.
    const pairs: number[] = [];
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) pairs.push(m.index);
    this.pairsUtf16 = pairs;
    this.utf16Length = text.length;
    this.codePointLength = text.length - pairs.length;
  }

  /** Number of surrogate pairs whose high surrogate lies before UTF-16 index `u`. */
  private pairsBeforeUtf16(u: number): number {
    let lo = 0;
    let hi = this.pairsUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.pairsUtf16[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when `u` falls between the two halves of a surrogate pair. */
  splitsPair(u: Utf16Offset): boolean {
    const n = this.pairsBeforeUtf16(u);
    return n > 0 && this.pairsUtf16[n - 1] === u - 1;
  }

  /**
   * UTF-16 offset → code point offset, for 0 ≤ u ≤ utf16Length. An offset inside a surrogate pair
   * is rounded down (`floor`) or up (`ceil`) to the character's edge.
   */
  toCodePoint(u: Utf16Offset, round: 'floor' | 'ceil' = 'floor'): CodePointOffset {
    if (!Number.isInteger(u) || u < 0 || u > this.utf16Length) {
      throw new RangeError(`UTF-16 offset ${u} outside 0..${this.utf16Length}`);
    }
    const before = this.pairsBeforeUtf16(u);
    if (before > 0 && this.pairsUtf16[before - 1] === u - 1) {
      // Inside a pair: the pair at u-1 started one unit earlier.
      return round === 'floor' ? u - 1 - (before - 1) : u + 1 - before;
    }
    return u - before;
  }

  /** Code point offset → UTF-16 offset, for 0 ≤ c ≤ codePointLength. */
  toUtf16(c: CodePointOffset): Utf16Offset {
    if (!Number.isInteger(c) || c < 0 || c > this.codePointLength) {
      throw new RangeError(`code point offset ${c} outside 0..${this.codePointLength}`);
    }
    // The k-th pair (0-based) sits at code point index pairsUtf16[k] - k. Count pairs before c.
    let lo = 0;
    let hi = this.pairsUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.pairsUtf16[mid] as number) - mid < c) lo = mid + 1;
      else hi = mid;
    }
    return c + lo;
  }

  /** `text[start:end]` in code points, as Python slices it. */
  slice(start: CodePointOffset, end: CodePointOffset): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/**
 * Any surrogate, paired or lone. The regex engine's scan finds the first one several times faster
 * than a charCodeAt loop, and most texts have none: the loops below start there (issue 20: the
 * import counted each of 100,000 texts three times).
 */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Length of `text` in code points (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  const first = text.search(SURROGATE);
  if (first < 0) return text.length;
  let n = text.length;
  for (let i = first; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/** Index of the first lone surrogate in `text` (UTF-16 units), or -1. */
export function findLoneSurrogate(text: string): number {
  const first = text.search(SURROGATE);
  if (first < 0) return -1;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c)) {
      if (i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      return i;
    }
    if (isLow(c)) return i;
  }
  return -1;
}
