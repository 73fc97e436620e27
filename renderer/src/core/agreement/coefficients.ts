import type { PairTables } from './token-counts';
import type { Figure } from './types';

/**
 * Chance-corrected token coefficients from pairwise contingency tables (README definitions).
 * Undefined (0/0) is decided on integer counts, never by comparing a float with 1, so a figure
 * is `null` exactly when the expected agreement is 1 (one and the same category everywhere).
 */

/** A pairwise coefficient of one k × k contingency table. */
export type CoefficientFn = (table: Float64Array, k: number) => Figure;

/** Row sums, column sums and agreement (trace) of one k × k table. O(k²). */
export function margins(table: Float64Array, k: number): { rows: number[]; cols: number[]; agree: number } {
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  let agree = 0;
  for (let x = 0; x < k; x++) {
    for (let y = 0; y < k; y++) {
      const c = table[x * k + y] as number;
      rows[x] = (rows[x] as number) + c;
      cols[y] = (cols[y] as number) + c;
      if (x === y) agree += c;
    }
  }
  return { rows, cols, agree };
}

/** True when both sides put all n items in one and the same category (expected agreement 1). */
function sameSingleCategory(rows: readonly number[], cols: readonly number[], n: number): boolean {
  return rows.some((r, x) => r === n && cols[x] === n);
}

/** Cohen's κ of one pair: p_e = Σ_k (n_A(k)/N)(n_B(k)/N). O(k²). */
export const cohenKappa: CoefficientFn = (table, k) => {
  const { rows, cols, agree } = margins(table, k);
  const n = rows.reduce((s, r) => s + r, 0);
  if (n === 0 || sameSingleCategory(rows, cols, n)) return null;
  let pe = 0;
  for (let x = 0; x < k; x++) pe += ((rows[x] as number) / n) * ((cols[x] as number) / n);
  return (agree / n - pe) / (1 - pe);
};

/** Scott's π of one pair: p_e = Σ_k ((n_A(k) + n_B(k)) / 2N)². O(k²). */
export const scottPi: CoefficientFn = (table, k) => {
  const { rows, cols, agree } = margins(table, k);
  const n = rows.reduce((s, r) => s + r, 0);
  if (n === 0 || sameSingleCategory(rows, cols, n)) return null;
  let pe = 0;
  for (let x = 0; x < k; x++) pe += (((rows[x] as number) + (cols[x] as number)) / (2 * n)) ** 2;
  return (agree / n - pe) / (1 - pe);
};

/** Multi-rater figures of one view; all share the observed agreement P̄ (mean pairwise p_o). */
export interface MultiRaterFigures {
  readonly fleissKappa: Figure;
  readonly krippendorffAlpha: Figure;
  readonly multiPi: Figure;
  readonly daviesFleissKappa: Figure;
}

/**
 * Fleiss' κ (= multi-π), Krippendorff's α (nominal) and Davies–Fleiss κ. `pairs[p]` names the
 * annotator indices (i, j) of table p; every annotator must occur in some pair. O(P·k²).
 */
export function multiRater(view: PairTables, pairs: readonly { i: number; j: number }[]): MultiRaterFigures {
  const { k, n, m, tables } = view;
  const none = { fleissKappa: null, krippendorffAlpha: null, multiPi: null, daviesFleissKappa: null };
  if (n === 0 || m < 2 || tables.length === 0) return none;
  const byAnnotator: number[][] = [];
  let agreeSum = 0;
  let peSum = 0;
  tables.forEach((table, p) => {
    const { rows, cols, agree } = margins(table, k);
    const pair = pairs[p] as { i: number; j: number };
    byAnnotator[pair.i] = rows;
    byAnnotator[pair.j] = cols;
    agreeSum += agree;
    for (let x = 0; x < k; x++) peSum += ((rows[x] as number) / n) * ((cols[x] as number) / n);
  });
  const totals = new Array<number>(k).fill(0);
  for (const counts of byAnnotator) counts.forEach((c, x) => (totals[x] = (totals[x] as number) + c));
  // One category only: every expected agreement below is 1 and every figure 0/0.
  if (totals.filter((c) => c > 0).length < 2) return none;

  const observed = agreeSum / (n * tables.length); // P̄ = A_o = mean pairwise p_o
  const nm = n * m;
  const expected = totals.reduce((s, c) => s + (c / nm) ** 2, 0); // P̄_e = A_e of multi-π
  const fleiss = (observed - expected) / (1 - expected);
  // α: D_o = 1 − P̄ (each token has m values, all pairable); D_e over all n·m values.
  const sumSquares = totals.reduce((s, c) => s + c * c, 0);
  const de = (nm * nm - sumSquares) / (nm * (nm - 1));
  const alpha = 1 - (1 - observed) / de;
  const aeKappa = peSum / tables.length;
  return {
    fleissKappa: fleiss,
    krippendorffAlpha: alpha,
    multiPi: fleiss,
    daviesFleissKappa: (observed - aeKappa) / (1 - aeKappa),
  };
}
