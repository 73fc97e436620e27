import type { AgreementReport, Figure } from '../agreement/types';
import { alphaUReason, NA_REASONS } from './format';

/** One headline figure with what it rests on and, when undefined, why. */
export interface FigureLine {
  readonly key: string;
  readonly name: string;
  readonly value: Figure;
  readonly basis: string;
  readonly naReason: string;
}

/** The overall figures in the order the view and the report list them. */
export function overallFigures(r: AgreementReport): FigureLine[] {
  const tokens = `${r.n_tokens} tokens in ${r.n_documents} documents`;
  const pairs = Object.keys(r.token.cohen_kappa.pairs).length;
  const spans = `${Object.values(r.n_spans).reduce((a, b) => a + b, 0)} spans`;
  return [
    {
      key: 'krippendorff_alpha',
      name: "Krippendorff's α (tokens)",
      value: r.token.krippendorff_alpha,
      basis: tokens,
      naReason: NA_REASONS.single_category,
    },
    {
      key: 'fleiss_kappa',
      name: "Fleiss' κ (tokens)",
      value: r.token.fleiss_kappa,
      basis: tokens,
      naReason: NA_REASONS.single_category,
    },
    {
      key: 'cohen_kappa_mean',
      name: "Cohen's κ, mean of pairs",
      value: r.token.cohen_kappa.mean,
      basis: `${tokens}, ${pairs} pair(s)`,
      naReason: NA_REASONS.mean,
    },
    {
      key: 'overlap_f1',
      name: 'Span F1, overlap, mean of pairs',
      value: r.span.overlap.mean_f1,
      basis: spans,
      naReason: NA_REASONS.mean,
    },
    {
      key: 'exact_f1',
      name: 'Span F1, exact, mean of pairs',
      value: r.span.exact.mean_f1,
      basis: spans,
      naReason: NA_REASONS.mean,
    },
    {
      key: 'alpha_u',
      name: 'Unitizing αU',
      value: r.unitizing.alpha_u,
      basis: `${r.unitizing.units} units on ${r.unitizing.continuum_length} code points`,
      naReason: alphaUReason(r, null),
    },
    {
      key: 'scott_pi_mean',
      name: "Scott's π, mean of pairs",
      value: r.token_extra.scott_pi.mean,
      basis: tokens,
      naReason: NA_REASONS.mean,
    },
    {
      key: 'davies_fleiss_kappa',
      name: 'Davies–Fleiss κ',
      value: r.token_extra.davies_fleiss_kappa,
      basis: tokens,
      naReason: NA_REASONS.single_category,
    },
  ];
}

/** Figures of one label (binary token view per label, span F1 of that label, αU of that label). */
export interface LabelLine {
  readonly label: string;
  /** Spans of this label per annotator. */
  readonly spans: Readonly<Record<string, number>>;
  readonly figures: readonly FigureLine[];
}

export function labelFigures(r: AgreementReport, labels: readonly string[]): LabelLine[] {
  return labels.map((label) => {
    const spans = Object.fromEntries(
      Object.entries(r.n_spans_by_label).map(([a, by]) => [a, by[label] ?? 0]),
    );
    const total = Object.values(spans).reduce((a, b) => a + b, 0);
    const basis = `${total} ${label} spans`;
    const t = r.token.per_label[label];
    return {
      label,
      spans,
      figures: [
        {
          key: 'krippendorff_alpha',
          name: "Krippendorff's α",
          value: t?.krippendorff_alpha ?? null,
          basis: `${r.n_tokens} tokens`,
          naReason: NA_REASONS.single_category,
        },
        {
          key: 'cohen_kappa_mean',
          name: "Cohen's κ (mean)",
          value: t?.cohen_kappa.mean ?? null,
          basis: `${r.n_tokens} tokens`,
          naReason: NA_REASONS.mean,
        },
        {
          key: 'overlap_f1',
          name: 'Span F1 overlap',
          value: r.span.overlap.per_label[label]?.mean_f1 ?? null,
          basis,
          naReason: NA_REASONS.mean,
        },
        {
          key: 'alpha_u',
          name: 'αU',
          value: r.unitizing.per_label[label] ?? null,
          basis,
          naReason: alphaUReason(r, label),
        },
      ],
    };
  });
}

/** The pairwise matrix: Cohen's κ above the diagonal's mirror, overlap F1 with its basis. */
export function pairFigure(
  r: AgreementReport,
  a: string,
  b: string,
  metric: 'kappa' | 'f1',
): { value: Figure; basis: string; naReason: string } | null {
  if (a === b) return null;
  const key = r.token.cohen_kappa.pairs[`${a}|${b}`] !== undefined ? `${a}|${b}` : `${b}|${a}`;
  if (metric === 'kappa') {
    const v = r.token.cohen_kappa.pairs[key];
    return v === undefined ? null : { value: v, basis: `${r.n_tokens} tokens`, naReason: NA_REASONS.pair };
  }
  const s = r.span.overlap.pairs[key];
  if (!s) return null;
  return {
    value: s.f1,
    basis: `${s.matched} matched of ${s.n_ref} + ${s.n_other} spans`,
    naReason: NA_REASONS.f1,
  };
}
