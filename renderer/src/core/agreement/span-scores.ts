import { meanDefined, record } from './pairs';
import { exactMatches, maxOverlapMatching } from './span-matching';
import type { Study, StudySpan } from './study';
import type { Figure, PairSpanScore, SpanMatchReport, SpanPairs } from './types';

/**
 * Span counts per (document, label): `counts[d][a * L + l]` spans of annotator a, and
 * `exact[d][p * L + l]` / `overlap[d][p * L + l]` matches of pair p. Everything span-level —
 * micro, per label, per document — is a sum of these cells, since matches never cross documents
 * or labels.
 */
export interface SpanCounts {
  readonly counts: readonly Int32Array[];
  readonly exact: readonly Int32Array[];
  readonly overlap: readonly Int32Array[];
}

/** Splits one annotator's spans of one document by label, keeping the (start, end) order. O(n). */
function byLabel(spans: readonly StudySpan[], nLabels: number): StudySpan[][] {
  const out: StudySpan[][] = Array.from({ length: nLabels }, () => []);
  for (const s of spans) out[s.label]?.push(s);
  return out;
}

/** Counts spans and matches for every document, pair and label. O(P·S) plus the matchings. */
export function countSpanMatches(study: Study): SpanCounts {
  const nLabels = study.labels.length;
  const counts: Int32Array[] = [];
  const exact: Int32Array[] = [];
  const overlap: Int32Array[] = [];
  study.documents.forEach((_, d) => {
    const split = study.spans.map((perDoc) => byLabel(perDoc[d] ?? [], nLabels));
    const c = new Int32Array(study.annotators.length * nLabels);
    split.forEach((lists, a) => lists.forEach((list, l) => (c[a * nLabels + l] = list.length)));
    const ex = new Int32Array(study.pairs.length * nLabels);
    const ov = new Int32Array(study.pairs.length * nLabels);
    study.pairs.forEach((pair, p) => {
      for (let l = 0; l < nLabels; l++) {
        const x = split[pair.i]?.[l] ?? [];
        const y = split[pair.j]?.[l] ?? [];
        if (x.length === 0 || y.length === 0) continue;
        ex[p * nLabels + l] = exactMatches(x, y);
        ov[p * nLabels + l] = maxOverlapMatching(x, y);
      }
    });
    counts.push(c);
    exact.push(ex);
    overlap.push(ov);
  });
  return { counts, exact, overlap };
}

/** P/R/F1 from counts; A (n_ref) is the reference. Undefined parts are null (0/0), never 0 or 1. */
export function pairScore(matched: number, nRef: number, nOther: number): PairSpanScore {
  const f1: Figure = nRef + nOther === 0 ? null : (2 * matched) / (nRef + nOther);
  return {
    p: nOther === 0 ? null : matched / nOther,
    r: nRef === 0 ? null : matched / nRef,
    f1,
    matched,
    n_ref: nRef,
    n_other: nOther,
  };
}

/**
 * Pairwise scores restricted to the given documents and labels (indices), summing cells.
 * O(|docs| · P · |labels|).
 */
export function spanPairs(
  study: Study,
  counts: SpanCounts,
  matches: readonly Int32Array[],
  docs: readonly number[],
  labels: readonly number[],
): SpanPairs {
  const nLabels = study.labels.length;
  const pairs = study.pairs.map((pair, p) => {
    let matched = 0;
    let nRef = 0;
    let nOther = 0;
    for (const d of docs) {
      const c = counts.counts[d] as Int32Array;
      const mt = matches[d] as Int32Array;
      for (const l of labels) {
        matched += mt[p * nLabels + l] as number;
        nRef += c[pair.i * nLabels + l] as number;
        nOther += c[pair.j * nLabels + l] as number;
      }
    }
    return [pair.key, pairScore(matched, nRef, nOther)] as const;
  });
  return { pairs: record(pairs), mean_f1: meanDefined(pairs.map(([, s]) => s.f1)) };
}

/** The `span.exact` or `span.overlap` member of a report, over all documents. */
export function spanMatchReport(
  study: Study,
  counts: SpanCounts,
  kind: 'exact' | 'overlap',
): SpanMatchReport {
  const matches = kind === 'exact' ? counts.exact : counts.overlap;
  const docs = study.documents.map((_, d) => d);
  const all = study.labels.map((_, l) => l);
  return {
    ...spanPairs(study, counts, matches, docs, all),
    per_label: record(study.labels.map((label, l) => [label, spanPairs(study, counts, matches, docs, [l])])),
  };
}
