import type { CodePointIndex, CodePointOffset } from './code-points';

/**
 * Word boundaries by Unicode word segmentation (UAX #29, through `Intl.Segmenter`, which ICU answers
 * locally and which also splits Thai, Chinese or Japanese words by dictionary). A drag over
 * "ouncil appro" becomes "council approved", as INCEpTION and Prodigy snap to tokens.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** UTF-16 units segmented around an offset; a longer word falls back to segmenting the whole text. */
const WINDOW = 256;

interface Word {
  readonly start: number;
  readonly end: number;
}

/** The word-like segment containing UTF-16 index `u` (u < text.length), or null (space, punctuation). */
function wordAt(text: string, u: number): Word | null {
  const from = Math.max(0, u - WINDOW);
  const to = Math.min(text.length, u + WINDOW);
  let seg = segmenter.segment(text.slice(from, to)).containing(u - from);
  let base = from;
  // A segment touching a cut edge of the window may continue beyond it: segment the whole text.
  if (
    seg &&
    ((seg.index === 0 && from > 0) || (seg.index + seg.segment.length === to - from && to < text.length))
  ) {
    seg = segmenter.segment(text).containing(u);
    base = 0;
  }
  if (!seg?.isWordLike) return null;
  return { start: base + seg.index, end: base + seg.index + seg.segment.length };
}

/**
 * Widens a selection [start, end) (code points, either order) so that neither end cuts a word: a start
 * inside a word moves to that word's start, an end inside a word to its end. Ends on spaces or
 * punctuation stay where they are (the span rules trim whitespace afterwards). Pure; O(window) per end.
 */
export function snapToWords(
  index: CodePointIndex,
  a: CodePointOffset,
  b: CodePointOffset,
): { start: CodePointOffset; end: CodePointOffset } {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(index.codePointLength, Math.max(a, b));
  if (lo >= hi) return { start: lo, end: hi };
  const { text } = index;
  let s = index.toUtf16(lo);
  let e = index.toUtf16(hi);
  const first = wordAt(text, s);
  if (first && first.start < s) s = first.start;
  const last = wordAt(text, e - 1);
  if (last && last.end > e) e = last.end;
  return { start: index.toCodePoint(s, 'floor'), end: index.toCodePoint(e, 'ceil') };
}
