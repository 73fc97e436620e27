import { CodePointIndex } from '../text/code-points';

/** A token of the export tokenizer. Offsets are code points, end exclusive. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Followed by white space (spaCy's `ws`). */
  readonly ws: boolean;
}

// A word (letters, digits, underscore, with combining marks), or any other single non-space
// character with the marks, variation selectors, skin tones and ZWJ-joined characters that belong
// to it, so an emoji ZWJ sequence is one token and never split between two.
const TOKEN = /[\p{L}\p{N}_][\p{L}\p{N}\p{M}_]*|\S(?:[\p{M}\p{Emoji_Modifier}]|\u200d\S)*/gu;

/**
 * Deterministic tokenizer for the spaCy/Prodigy and BIO exports: white space separates tokens and
 * each punctuation mark or symbol is a token of its own. It is a fixed regular expression, so it
 * gives the same tokens in every browser, Node and Python (no locale, no ICU). O(n log k).
 */
export function tokenize(text: string, index: CodePointIndex = new CodePointIndex(text)): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const u = m.index;
    const endU = u + m[0].length;
    const next = text.charAt(endU);
    out.push({
      text: m[0],
      start: index.toCodePoint(u),
      end: index.toCodePoint(endU),
      ws: next !== '' && /\s/u.test(next),
    });
  }
  return out;
}

/**
 * Index of the first token ending after `start` and of the last token starting before `end`: the
 * tokens a span touches (inclusive range), or null when it covers no token. O(log t).
 */
export function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  lo = first;
  hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).start < end) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  return first <= last ? [first, last] : null;
}
