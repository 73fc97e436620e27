import type { CodePointIndex } from '../text/code-points';
import type { Token } from './tokens';

/** Python's `str.isspace()`: what spaCy's tokenizer splits on (JavaScript's `\s` differs slightly). */
const SP = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Runs of space (group 1) or of anything else (group 2). */
const RUNS = new RegExp(`([${SP}]+)|([^${SP}]+)`, 'g');

// Inside a run of non-space characters: a word, or one other character with the marks, skin tones
// and ZWJ-joined characters that belong to it (as in tokens.ts), so an emoji is never split.
const PIECE = /[\p{L}\p{N}_][\p{L}\p{N}\p{M}_]*|[^\p{L}\p{N}_](?:[\p{M}\p{Emoji_Modifier}]|\u200d.)*/gsu;

interface Piece {
  /** UTF-16 [start, end). */
  start: number;
  end: number;
  /** Followed by one space that belongs to it (spaCy's `whitespace_`). */
  ws: boolean;
}

/**
 * spaCy's whitespace rule (`Tokenizer._tokenize_affixes`): the text is cut into runs of space and
 * non-space characters (Python's `isspace`); a single `' '` after a token is that token's trailing
 * space (`ws: true`), and any other white space — `"\n\n"`, `"\t"`, a second space — is a token of
 * its own. Non-space runs are cut into words and single other characters. So `Doc(words, spaces)`
 * rebuilds the text exactly. O(n).
 */
function basePieces(text: string): Piece[] {
  const out: Piece[] = [];
  RUNS.lastIndex = 0;
  for (let m = RUNS.exec(text); m !== null; m = RUNS.exec(text)) {
    const i = m.index;
    const j = i + m[0].length;
    if (m[1] !== undefined) {
      // A run starting with ' ' right after a token: the space is that token's trailing space.
      let from = i;
      const prev = out[out.length - 1];
      if (text.charCodeAt(i) === 0x20 && prev && prev.end === i) {
        prev.ws = true;
        from = i + 1;
      }
      if (from < j) out.push({ start: from, end: j, ws: false });
      continue;
    }
    let at = i;
    PIECE.lastIndex = 0;
    const run = m[0];
    for (let p = PIECE.exec(run); p !== null; p = PIECE.exec(run)) {
      const s = i + p.index;
      if (s > at) out.push({ start: at, end: s, ws: false });
      out.push({ start: s, end: s + p[0].length, ws: false });
      at = s + p[0].length;
    }
    if (at < j) out.push({ start: at, end: j, ws: false });
  }
  return out;
}

/**
 * Splits pieces so that UTF-16 offset `b` is a token edge: a span's start must begin a token, its end
 * must end one. A trailing space the edge touches becomes a token of its own. O(log n + splice).
 */
function splitAt(pieces: Piece[], b: number, edge: 'start' | 'end'): void {
  // The piece holding the character at b (start) or just before b (end), with its trailing space.
  const c = edge === 'start' ? b : b - 1;
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pieces[mid] as Piece).start <= c) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  const p = pieces[k];
  if (!p) return;
  if (p.start < b && b < p.end) {
    pieces.splice(k, 1, { start: p.start, end: b, ws: false }, { start: b, end: p.end, ws: p.ws });
  } else if (p.ws && c === p.end) {
    p.ws = false;
    pieces.splice(k + 1, 0, { start: p.end, end: p.end + 1, ws: false });
  }
}

/**
 * Tokens for a spaCy/Prodigy record: spaCy's whitespace rule (see `basePieces`), then split at
 * every span's start and end (code points), so each span starts and ends on a token edge
 * and `token_start`/`token_end` are exact, as `Doc.char_span` requires. Offsets are code points.
 * O(n + b log n).
 */
export function spacyTokens(
  text: string,
  index: CodePointIndex,
  spans: readonly { readonly start: number; readonly end: number }[] = [],
): Token[] {
  const pieces = basePieces(text);
  for (const s of spans) {
    splitAt(pieces, index.toUtf16(s.start), 'start');
    splitAt(pieces, index.toUtf16(s.end), 'end');
  }
  return pieces.map((p) => ({
    text: text.slice(p.start, p.end),
    start: index.toCodePoint(p.start),
    end: index.toCodePoint(p.end),
    ws: p.ws,
  }));
}

/** The tokens starting at `start` and ending at `end` (inclusive indices), or null if none align. */
export function alignedTokens(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).start < start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  if (tokens[first]?.start !== start) return null;
  let last = first;
  while (last < tokens.length && (tokens[last] as Token).end < end) last++;
  return tokens[last]?.end === end ? [first, last] : null;
}
