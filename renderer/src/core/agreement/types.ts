/**
 * Input and output shapes of the agreement engine. The output mirrors one case of
 * tests/fixtures/iaa/expected-public.json key for key (snake_case on purpose: the CLI prints it
 * as JSON and the fixtures are the contract). Every figure that is undefined (0/0) is `null`.
 */
import type { CodePointOffset } from '../text/code-points';

/** One document of a study. `text` is the exact stored text. */
export interface AgreementDocument {
  readonly id: string;
  readonly text: string;
}

/** One span of one annotator; offsets in CODE POINTS into the document's text, end exclusive. */
export interface AgreementSpan {
  readonly annotator: string;
  readonly doc: string;
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly label: string;
}

/**
 * A study: every listed annotator read every document (an annotator with no span marked nothing).
 */
export interface AgreementInput {
  readonly documents: readonly AgreementDocument[];
  readonly annotators: readonly string[];
  readonly spans: readonly AgreementSpan[];
}

export interface AgreementOptions {
  /** Labels to study, in report order; spans with other labels are ignored. Default: all labels. */
  readonly labels?: readonly string[];
  /** Called with a fraction in [0, 1] as work progresses (monotone; ends with 1). */
  readonly onProgress?: (fraction: number) => void;
}

/** A figure that may be undefined (0/0). */
export type Figure = number | null;

export interface PairSpanScore {
  readonly p: Figure;
  readonly r: Figure;
  readonly f1: Figure;
  readonly matched: number;
  readonly n_ref: number;
  readonly n_other: number;
}

export interface SpanPairs {
  /** Keyed `"A|B"`, A before B in code point order; A is the reference. */
  readonly pairs: Readonly<Record<string, PairSpanScore>>;
  readonly mean_f1: Figure;
}

export interface SpanMatchReport extends SpanPairs {
  readonly per_label: Readonly<Record<string, SpanPairs>>;
}

export interface PairwiseFigure {
  readonly pairs: Readonly<Record<string, Figure>>;
  readonly mean: Figure;
}

export interface TokenFigures {
  readonly cohen_kappa: PairwiseFigure;
  readonly fleiss_kappa: Figure;
  readonly krippendorff_alpha: Figure;
}

export interface TokenExtraFigures {
  readonly scott_pi: PairwiseFigure;
  readonly multi_pi: Figure;
  readonly davies_fleiss_kappa: Figure;
}

export interface UnitizingReport {
  readonly alpha_u: Figure;
  readonly per_label: Readonly<Record<string, Figure>>;
  readonly continuum_length: number;
  readonly units: number;
  readonly categories_in_study: readonly string[];
  readonly d_o: Figure;
  readonly d_e: Figure;
  /** Present only when some label breaks αU's precondition: label → why it is not applicable. */
  readonly not_applicable?: Readonly<Record<string, string>>;
}

export interface AgreementReport {
  readonly n_documents: number;
  readonly n_tokens: number;
  readonly n_spans: Readonly<Record<string, number>>;
  readonly n_spans_by_label: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly span: { readonly exact: SpanMatchReport; readonly overlap: SpanMatchReport };
  readonly token: TokenFigures & { readonly per_label: Readonly<Record<string, TokenFigures>> };
  readonly token_extra: TokenExtraFigures & {
    readonly per_label: Readonly<Record<string, TokenExtraFigures>>;
  };
  readonly unitizing: UnitizingReport;
}
