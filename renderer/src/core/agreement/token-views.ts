import { coveredTokenRange } from '../text/tokenize';
import type { Study } from './study';

/**
 * Both token views of one annotator over the study's whole token sequence.
 * - `category[t]`: single-label view; 0 is `O`, k + 1 is `study.labels[k]`.
 * - `mask[t]`: per-label binary view; bit k is set when a span labelled `study.labels[k]` covers t.
 */
export interface TokenViews {
  readonly category: Uint8Array;
  readonly mask: Uint8Array;
}

/**
 * Builds the token views of every annotator. A span covers a token when they share a code point.
 * O(N + S log T) per annotator (N tokens, S spans, T tokens per document): spans arrive sorted by
 * start, so the tokens already taken by earlier spans always form a prefix of the next span's range
 * from its first token on ([lo, maxHi)); each token is therefore written at most once per view, even
 * with deeply nested spans.
 */
export function buildTokenViews(study: Study): TokenViews[] {
  if (study.labels.length > 8) throw new RangeError('At most 8 labels fit the token mask.');
  return study.spans.map((perDoc) => {
    const category = new Uint8Array(study.nTokens);
    const mask = new Uint8Array(study.nTokens);
    const maxHiByLabel = new Int32Array(study.labels.length);
    study.documents.forEach((doc, d) => {
      let maxHi = 0;
      maxHiByLabel.fill(0);
      for (const span of perDoc[d] ?? []) {
        const { lo, hi } = coveredTokenRange(doc.tokens, span.start, span.end);
        // Single-label view: the first span in priority order wins each token.
        for (let t = Math.max(lo, maxHi); t < hi; t++) category[doc.tokenStart + t] = span.label + 1;
        if (hi > maxHi) maxHi = hi;
        const bit = 1 << span.label;
        const labelHi = maxHiByLabel[span.label] as number;
        for (let t = doc.tokenStart + Math.max(lo, labelHi); t < doc.tokenStart + hi; t++) {
          mask[t] = (mask[t] as number) | bit;
        }
        if (hi > labelHi) maxHiByLabel[span.label] = hi;
      }
    });
    return { category, mask };
  });
}
