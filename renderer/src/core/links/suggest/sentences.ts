import { CodePointIndex, type CodePointOffset } from '../../text/code-points';

/** A sentence of an article: `[start, end)` in code points, without surrounding white space. */
export interface Sentence {
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
}

/**
 * Where a sentence ends inside a line: `.`, `!`, `?` or `…` (with closing quotes or brackets), then
 * white space before a capital, digit or opening quote, or a symbol such as ✅ that starts a list
 * item without a space ("…pipelines.✅ Meta’s deal…"). "U.S.-based" and "3.5 billion" stay whole.
 */
const BOUNDARY = /[.!?…]+["'”’)\]]*(?:\s+(?=["'“‘([]?[\p{Lu}\p{N}])|(?=[\p{So}]))/gu;

/**
 * The sentences of `text`: every line is split at sentence ends, blank pieces dropped. Rule-based
 * (no locale data), so titles, list items and headings count as sentences, which is what an
 * annotator links. O(n).
 */
export function splitSentences(text: string, index: CodePointIndex = new CodePointIndex(text)): Sentence[] {
  const out: Sentence[] = [];
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) out.push({ start: index.toCodePoint(s), end: index.toCodePoint(e) });
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let from = 0;
    for (const m of line.matchAll(BOUNDARY)) {
      const cut = (m.index as number) + m[0].length;
      push(lineStart + from, lineStart + cut);
      from = cut;
    }
    push(lineStart + from, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}
