import { codePointLength } from '../text/code-points';

/** An article as stored: `text` is exact and immutable; `id` is `sha256:<hex>` of its UTF-8 bytes. */
export interface ArticleDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** Where it came from (file name, "seed"), for the user's reference only. */
  readonly source: string;
  /** Unknown keys carried from imports; exported back under `meta`. */
  readonly meta: Readonly<Record<string, unknown>>;
  /** Position in the library (import order). */
  readonly order: number;
}

/**
 * Plain-text normalisation of the native format: a leading BOM is stripped and CRLF / lone CR become
 * LF. Nothing else changes (no Unicode normalisation, no trimming).
 */
export function normalizePlainText(raw: string): string {
  const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return noBom.replace(/\r\n?/g, '\n');
}

const TITLE_MAX = 80;

/**
 * Title of an article: its first non-blank line. When that line is a whole paragraph (longer than
 * a headline), it is shortened at a word boundary to at most 80 characters and ends with "…".
 */
export function deriveTitle(text: string): string {
  const first =
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  if (first === '') return 'Untitled';
  if (codePointLength(first) <= TITLE_MAX) return first;
  const chars = Array.from(first);
  const cut = chars.slice(0, TITLE_MAX).join('');
  const lastSpace = cut.search(/\s\S*$/u);
  const base = lastSpace > TITLE_MAX / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

export function documentLength(text: string): number {
  return codePointLength(text);
}
