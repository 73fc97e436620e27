import type { AgreementReport, Figure } from '../agreement/types';

/** Why a figure can be undefined (docs/agreement.md "Undefined values"), per kind of figure. */
export const NA_REASONS = {
  pair: 'both annotators put every token in one and the same category',
  single_category: 'a single category occurs at all',
  mean: 'no pair has a defined value',
  precision: 'the second annotator has no span',
  recall: 'the reference annotator has no span',
  f1: 'neither annotator has a span',
  alpha_u_none: 'there is no span at all',
  alpha_u_label: 'nobody used this label, or its expected disagreement is 0',
} as const;

export type NaReason = keyof typeof NA_REASONS;

/** A figure for display: three decimals, or "n/a" — never 0 for an undefined value. */
export function formatFigure(f: Figure, digits = 3): string {
  return f === null ? 'n/a' : f.toFixed(digits);
}

/** "n/a (reason)" or the number. */
export function figureWithReason(f: Figure, reason: string): string {
  return f === null ? `n/a (${reason})` : formatFigure(f);
}

/** αU of one label with its reason when undefined (not applicable names the overlap). */
export function alphaUReason(report: AgreementReport, label: string | null): string {
  const u = report.unitizing;
  if (label === null) {
    if (u.units === 0) return NA_REASONS.alpha_u_none;
    const na = Object.entries(u.not_applicable ?? {});
    return na.length > 0
      ? `not applicable: ${na.map(([l, why]) => `${l}: ${why}`).join('; ')}`
      : 'expected disagreement is 0';
  }
  return u.not_applicable?.[label] ? `not applicable: ${u.not_applicable[label]}` : NA_REASONS.alpha_u_label;
}

/**
 * Heat colour of a coefficient in [-1, 1] (agreement 1 green, chance 0 and below red); grey when
 * undefined so a missing value never looks like a bad one. Returns an `hsl()` CSS colour.
 */
export function heatColor(f: Figure): string {
  if (f === null) return 'hsl(0, 0%, 85%)';
  const t = Math.max(0, Math.min(1, f));
  return `hsl(${Math.round(t * 120)}, 65%, ${Math.round(80 - t * 25)}%)`;
}

/** A span count line: "alice 12, ben 9". */
export function spanCounts(report: AgreementReport): string {
  return Object.entries(report.n_spans)
    .map(([a, n]) => `${a} ${n}`)
    .join(', ');
}
