import type { CodePointIndex, CodePointOffset } from './code-points';

/** A match of the find bar, in code points (end exclusive), like a span. */
export interface Match {
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
}

export interface FindResult {
  readonly matches: readonly Match[];
  /** More matches exist than were returned (MAX_MATCHES). */
  readonly truncated: boolean;
}

/** Matches returned at most: enough for any real search, bounded for "e" in a 1M-character article. */
export const MAX_MATCHES = 10_000;

const SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

/**
 * Every non-overlapping occurrence of `query` in the text, left to right, ignoring case (Unicode
 * simple case folding, through the regex engine's `iu` flags, so lengths never change as they can
 * with toLowerCase: "İ" is one unit, its lower case two). Any run of whitespace in the query matches
 * any run of whitespace in the text, so a phrase is found across a line break. Offsets are code
 * points (the regex works in UTF-16; the index converts). O(text) per search.
 */
export function findAll(index: CodePointIndex, query: string, limit = MAX_MATCHES): FindResult {
  const q = query.trim();
  if (q === '') return { matches: [], truncated: false };
  const pattern = q
    .split(/\s+/u)
    .map((w) => w.replace(SPECIAL, '\\$&'))
    .join('\\s+');
  const re = new RegExp(pattern, 'giu');
  const matches: Match[] = [];
  const { text } = index;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (matches.length === limit) return { matches, truncated: true };
    matches.push({ start: index.toCodePoint(m.index), end: index.toCodePoint(m.index + m[0].length) });
  }
  return { matches, truncated: false };
}

/** The match to show first: the first one starting at or after `from` (wrapping to the first). */
export function firstFrom(matches: readonly Match[], from: CodePointOffset): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((matches[mid] as Match).start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo === matches.length ? 0 : lo;
}

/** The next (step 1) or previous (step -1) match, wrapping around. */
export function stepMatch(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
