import { record } from './pairs';
import type { AgreementAnalysis } from './report';
import { spanPairs } from './span-scores';
import { tokenFigures } from './token-report';
import type { Figure } from './types';

/** Agreement on one document, for a table a lead sorts worst first. */
export interface DocumentFigures {
  readonly id: string;
  /** Position of the document in the study. */
  readonly index: number;
  readonly nTokens: number;
  /** Spans per annotator (after collapsing duplicates), keyed by annotator name. */
  readonly nSpans: Readonly<Record<string, number>>;
  /** Mean pairwise F1, exact and overlap matching, all labels. */
  readonly exactF1: Figure;
  readonly overlapF1: Figure;
  /** Single-label token view. */
  readonly cohenKappaMean: Figure;
  readonly fleissKappa: Figure;
  readonly krippendorffAlpha: Figure;
}

/**
 * Figures per document from the counts the report already made (no re-tokenizing).
 * O(D · P · (k² + L)) for D documents, P pairs, k token categories and L labels.
 */
export function documentFigures(analysis: AgreementAnalysis): DocumentFigures[] {
  const { study, spanCounts, tokenTables } = analysis;
  const nLabels = study.labels.length;
  const allLabels = study.labels.map((_, l) => l);
  return study.documents.map((doc, d) => {
    const view = tokenTables.singleByDocument[d];
    const token = view ? tokenFigures(study, view) : null;
    const counts = spanCounts.counts[d] as Int32Array;
    return {
      id: doc.id,
      index: d,
      nTokens: doc.tokens.count,
      nSpans: record(
        study.annotators.map((name, a) => {
          let n = 0;
          for (let l = 0; l < nLabels; l++) n += counts[a * nLabels + l] as number;
          return [name, n] as const;
        }),
      ),
      exactF1: spanPairs(study, spanCounts, spanCounts.exact, [d], allLabels).mean_f1,
      overlapF1: spanPairs(study, spanCounts, spanCounts.overlap, [d], allLabels).mean_f1,
      cohenKappaMean: token?.cohen_kappa.mean ?? null,
      fleissKappa: token?.fleiss_kappa ?? null,
      krippendorffAlpha: token?.krippendorff_alpha ?? null,
    };
  });
}

/**
 * Worst first: lowest Krippendorff's α, then lowest overlap F1, then study order. An undefined
 * figure sorts after every defined one — it means nothing varied (e.g. nobody marked anything),
 * which is not a disagreement to review.
 */
export function compareWorstFirst(x: DocumentFigures, y: DocumentFigures): number {
  return (
    compareNullLast(x.krippendorffAlpha, y.krippendorffAlpha) ||
    compareNullLast(x.overlapF1, y.overlapF1) ||
    x.index - y.index
  );
}

function compareNullLast(x: Figure, y: Figure): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return x - y;
}
