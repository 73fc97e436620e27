import type { CodePointOffset } from './code-points';

/**
 * Tokenizer for token-level agreement (docs/agreement.md, tests/fixtures/iaa/README.md §Tokens).
 *
 * A token is a maximal run of letters, marks, numbers and `_`, or any single other code point that
 * is not White_Space. The pattern is the fixture's own, so Python's `regex` module and this file
 * agree token for token; only the offsets need converting from UTF-16 units to code points.
 */
// The pattern: /[\p{L}\p{M}\p{N}_]+|[^\p{L}\p{M}\p{N}_\p{White_Space}]/gu (scan implements its matches).

/** One token: `[start, end)` in CODE POINTS, and its text. */
export interface Token {
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly text: string;
}

/**
 * Token offsets of one text in compact form: token i is `[starts[i], ends[i])` in code points.
 * Invariant: tokens are sorted, non-empty and pairwise disjoint (`ends[i] <= starts[i + 1]`).
 */
export interface TokenOffsets {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const SPACE_CHAR = /\p{White_Space}/u;

/**
 * Class of each code point, filled on first sight: 0 unknown, 1 White_Space, 2 word character,
 * 3 other. Decided by the pattern's own property escapes, so tokens are exactly its matches.
 */
const classes = new Uint8Array(0x110000);
const SPACE = 1;
const WORD = 2;

function classOf(cp: number): number {
  const known = classes[cp] as number;
  if (known !== 0) return known;
  // A lone surrogate is a code point of its own here, as it is to a /u regex: "other".
  const ch = String.fromCodePoint(cp);
  const c = WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : 3;
  classes[cp] = c;
  return c;
}

/**
 * Visits every token of `text` in order with code point offsets and UTF-16 offsets: the matches of
 * the pattern, found by one pass over the code points with a class table instead of the regex (issue 20:
 * the regex, its match strings and the surrogate re-scan were a third of agreement over 10,000
 * articles). O(length of text); tests/unit/core/text/tokenize.test.ts compares it with the regex.
 */
function scan(
  text: string,
  visit: (start: CodePointOffset, end: CodePointOffset, u16Start: number, u16End: number) => void,
): void {
  const n = text.length;
  let i = 0;
  let cp = 0;
  while (i < n) {
    const c = text.codePointAt(i) as number;
    const k = classOf(c);
    const u16Start = i;
    const cpStart = cp;
    i += c > 0xffff ? 2 : 1;
    cp++;
    if (k === SPACE) continue;
    if (k === WORD) {
      while (i < n) {
        const d = text.codePointAt(i) as number;
        if (classOf(d) !== WORD) break;
        i += d > 0xffff ? 2 : 1;
        cp++;
      }
    }
    visit(cpStart, cp, u16Start, i);
  }
}

/** All tokens of `text` with code point offsets and their text. O(n). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scan(text, (start, end, a, b) => out.push({ start, end, text: text.slice(a, b) }));
  return out;
}

/** Token offsets of `text` in typed arrays (no per-token objects), for large corpora. O(n). */
export function tokenOffsets(text: string): TokenOffsets {
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let count = 0;
  scan(text, (start, end) => {
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2);
      const grownEnds = new Int32Array(count * 2);
      grownStarts.set(starts);
      grownEnds.set(ends);
      starts = grownStarts;
      ends = grownEnds;
    }
    starts[count] = start;
    ends[count] = end;
    count++;
  });
  return { count, starts: starts.subarray(0, count), ends: ends.subarray(0, count) };
}

/**
 * Index range `[lo, hi)` of the tokens that share at least one code point with `[start, end)`.
 * Touching is not covering, and a range over whitespace only yields `lo === hi`. O(log count).
 */
export function coveredTokenRange(
  tokens: TokenOffsets,
  start: CodePointOffset,
  end: CodePointOffset,
): { lo: number; hi: number } {
  // lo: first token whose end is past `start`; hi: first token that starts at or after `end`.
  let a = 0;
  let b = tokens.count;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((tokens.ends[mid] as number) > start) b = mid;
    else a = mid + 1;
  }
  const lo = a;
  b = tokens.count;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((tokens.starts[mid] as number) >= end) b = mid;
    else a = mid + 1;
  }
  return { lo, hi: Math.max(lo, a) };
}
