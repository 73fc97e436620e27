import type { CodePointOffset } from './code-points';

/**
 * Tokenizer for token-level agreement (docs/agreement.md, tests/fixtures/iaa/README.md §Tokens).
 *
 * A token is a maximal run of letters, marks, numbers and `_`, or any single other code point that
 * is not White_Space. The pattern is the fixture's own, so Python's `regex` module and this file
 * agree token for token; only the offsets need converting from UTF-16 units to code points.
 */
const TOKEN = /[\p{L}\p{M}\p{N}_]+|[^\p{L}\p{M}\p{N}_\p{White_Space}]/gu;

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

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Surrogate pairs inside `text[from, to)` (UTF-16 units); each makes one code point of two units. */
function pairsIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      n++;
      i++;
    }
  }
  return n;
}

/**
 * Visits every token of `text` in order with code point offsets and UTF-16 offsets.
 * O(length of text): one regex scan plus one linear pass over the matched characters. The gaps
 * between matches are White_Space only, which is all in the BMP, so only matched text can hold
 * surrogate pairs and the running pair count stays exact without re-scanning the gaps.
 */
function scan(
  text: string,
  visit: (start: CodePointOffset, end: CodePointOffset, u16Start: number, u16End: number) => void,
): void {
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  let pairsBefore = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const u16Start = m.index;
    const u16End = u16Start + m[0].length;
    const inside = m[0].length === 1 ? 0 : pairsIn(text, u16Start, u16End);
    visit(u16Start - pairsBefore, u16End - pairsBefore - inside, u16Start, u16End);
    pairsBefore += inside;
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
