import type { Utf16Offset } from './code-points';

/**
 * Grapheme-cluster boundaries (user-perceived characters: emoji ZWJ sequences, flags, a letter with
 * combining marks), so a span never splits one. Uses `Intl.Segmenter`, which ICU answers locally:
 * `containing(i)` does not segment the whole article.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The UTF-16 [start, end) of the grapheme cluster containing UTF-16 index `u` (u < text.length). */
function clusterAt(text: string, u: Utf16Offset): { start: number; end: number } {
  // Segmenting a bounded window keeps this O(window) on megabyte articles; clusters are short.
  const from = Math.max(0, u - 64);
  const to = Math.min(text.length, u + 64);
  const seg = segmenter.segment(text.slice(from, to)).containing(u - from);
  if (!seg) return { start: u, end: u + 1 };
  const start = from + seg.index;
  const end = start + seg.segment.length;
  // A cluster longer than the window would be cut at the window edge; fall back to the full text.
  if ((start === from && from > 0) || (end === to && to < text.length)) {
    const full = segmenter.segment(text).containing(u);
    return full ? { start: full.index, end: full.index + full.segment.length } : { start, end };
  }
  return { start, end };
}

/**
 * Text below U+0300 on both sides of `u` (Latin, digits, punctuation: no combining marks, joiners or
 * emoji) is a boundary except inside CR LF: answered without segmenting. A label snaps both of its
 * ends, and each `Intl.Segmenter` call cost ~0.4 ms of the label's key task (a trace of the bench).
 */
function plainBoundary(text: string, u: Utf16Offset): boolean {
  const before = text.charCodeAt(u - 1);
  const after = text.charCodeAt(u);
  return before < 0x300 && after < 0x300 && !(before === 0x0d && after === 0x0a);
}

/** Moves a start offset back to the start of the cluster it falls in. */
export function snapStartToGrapheme(text: string, u: Utf16Offset): Utf16Offset {
  if (u <= 0 || u >= text.length) return Math.max(0, Math.min(u, text.length));
  return plainBoundary(text, u) ? u : clusterAt(text, u).start;
}

/** Moves an end offset (exclusive) forward to the end of the cluster it falls in. */
export function snapEndToGrapheme(text: string, u: Utf16Offset): Utf16Offset {
  if (u <= 0 || u >= text.length) return Math.max(0, Math.min(u, text.length));
  return plainBoundary(text, u) ? u : clusterAt(text, u - 1).end;
}

/**
 * Whether UTF-16 offset `u` lies between two grapheme clusters (0 and the end always do). Text below
 * U+0300 on both sides (Latin, digits, punctuation: no combining marks, joiners or emoji) is
 * answered without segmenting, so checking every span of a large import stays cheap.
 */
export function isGraphemeBoundary(text: string, u: Utf16Offset): boolean {
  if (u <= 0 || u >= text.length) return true;
  const before = text.charCodeAt(u - 1);
  const after = text.charCodeAt(u);
  if (before < 0x300 && after < 0x300) return !(before === 0x0d && after === 0x0a);
  return clusterAt(text, u).start === u;
}
