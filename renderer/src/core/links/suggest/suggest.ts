import { agreementCues, contradictionCues } from './cues';
import type { SentenceIndex } from './sentence-index';

/** A proposed link target: a sentence (or a span in it) of another article, and why. */
export interface LinkSuggestion {
  readonly docId: string;
  /** Code points. A sentence, or the claim span inside it when `preferSpans` found one. */
  readonly start: number;
  readonly end: number;
  readonly relation: 'same_claim' | 'contradicts';
  /** 0–1: BM25 relative to the best hit of this query, after the cue adjustment. */
  readonly score: number;
  /** The cues behind the relation: "continue ↔ end", "negation", or the groups both lean to. */
  readonly cues: readonly string[];
  /** True when start/end are an existing span's rather than the sentence's. */
  readonly isSpan: boolean;
}

export interface SuggestOptions {
  /** How many suggestions (default 5). */
  readonly k?: number;
  /** BM25 hits considered before the cues re-rank them (default 50). */
  readonly pool?: number;
  /** Suggestions to leave out: already linked, or dismissed by the annotator. */
  readonly skip?: (s: LinkSuggestion) => boolean;
  /** Factor lifting cue-bearing sentences (default `CUE_BOOST`; 1 ranks by BM25 alone). */
  readonly cueBoost?: number;
  /** Spans that may stand for a sentence (see `preferSpans`). */
  readonly spansOf?: (
    docId: string,
  ) => readonly { readonly start: number; readonly end: number; readonly label: string }[];
}

/**
 * A sentence whose cues lean the same way as the claim's, or the opposite way, states something
 * about the same matter; one that shares words only may be background. Both kinds are lifted by
 * this factor over plain lexical neighbours. On the labelled seed set (docs/architecture.md, "Links
 * and claim suggestions") 1.0 / 1.3 / 1.5 / 2.0 gave P@1 0.50 / 0.58 / 0.67 / 0.71: 1.5 is a middle choice
 * made on that same small set, so it is tuned, not validated.
 */
export const CUE_BOOST = 1.5;

/**
 * Candidate link targets for a claim (its text, in document `docId`) among the other articles of
 * the index: BM25 over sentences finds what says the same thing in other words, then the cues decide
 * the relation — opposite leanings or a lone negation propose `contradicts`, anything else
 * `same_claim` — and lift cue-bearing sentences. No model weights; O(BM25 search + pool).
 */
export function suggestLinks(
  index: SentenceIndex,
  claim: { readonly docId: string; readonly text: string },
  opts: SuggestOptions = {},
): LinkSuggestion[] {
  const k = opts.k ?? 5;
  const query = index.analyseQuery(claim.text);
  const hits = index.search(query.terms, opts.pool ?? 50, [claim.docId]);
  const best = hits[0]?.score ?? 0;
  if (best <= 0) return [];
  const mine = query.cues;
  const ranked = hits.map((h): LinkSuggestion => {
    const against = contradictionCues(mine, h.cues);
    const along = agreementCues(mine, h.cues);
    const lifted = against.length > 0 && against[0] !== 'negation' ? true : along.length > 0;
    const base = {
      docId: h.docId,
      start: h.start,
      end: h.end,
      score: (h.score / best) * (lifted ? (opts.cueBoost ?? CUE_BOOST) : 1),
      isSpan: false,
    };
    return against.length > 0
      ? { ...base, relation: 'contradicts', cues: against }
      : { ...base, relation: 'same_claim', cues: along };
  });
  const top = Math.max(...ranked.map((s) => s.score));
  const out: LinkSuggestion[] = [];
  for (const s of ranked.sort((x, y) => y.score - x.score)) {
    const shown = preferSpans({ ...s, score: s.score / top }, opts.spansOf);
    if (opts.skip?.(shown)) continue;
    if (out.some((o) => o.docId === shown.docId && o.start === shown.start && o.end === shown.end)) continue;
    out.push(shown);
    if (out.length === k) break;
  }
  return out;
}

/**
 * Puts a claim span in place of the sentence when one overlaps it (the longest overlap wins), so
 * accepting the suggestion links existing spans; otherwise the sentence stays, for the annotator
 * to mark. O(spans of that document).
 */
export function preferSpans(s: LinkSuggestion, spansOf: SuggestOptions['spansOf']): LinkSuggestion {
  if (!spansOf) return s;
  let best: { start: number; end: number } | null = null;
  let bestOverlap = 0;
  for (const x of spansOf(s.docId)) {
    if (x.label !== 'claim') continue;
    const overlap = Math.min(x.end, s.end) - Math.max(x.start, s.start);
    if (overlap > bestOverlap) {
      best = x;
      bestOverlap = overlap;
    }
  }
  return best ? { ...s, start: best.start, end: best.end, isSpan: true } : s;
}
