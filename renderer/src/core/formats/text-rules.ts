import { findLoneSurrogate } from '../text/code-points';

/** Longest article accepted, in code points. */
export const MAX_TEXT_CODE_POINTS = 5_000_000;

/**
 * Why `text` cannot be stored, or null: no U+0000, no lone surrogates (they cannot be written as
 * UTF-8 and would change the document id), at most 5,000,000 code points. O(n).
 */
export function textProblem(text: string): string | null {
  // A quick UTF-16 bound first: fewer units than the limit cannot exceed it in code points.
  if (text.length > MAX_TEXT_CODE_POINTS && countCodePoints(text) > MAX_TEXT_CODE_POINTS) {
    return (
      `The text is ${countCodePoints(text).toLocaleString('en-US')} characters long; ` +
      `the limit is ${MAX_TEXT_CODE_POINTS.toLocaleString('en-US')}. Split the article into smaller files.`
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return `The text contains a NUL character (U+0000) at position ${nul.toLocaleString('en-US')}.`;
  const lone = findLoneSurrogate(text);
  if (lone >= 0) {
    return `The text contains a broken character (half of a surrogate pair) at position ${lone.toLocaleString('en-US')}.`;
  }
  return null;
}

function countCodePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
