import { type CoefficientFn, cohenKappa, multiRater, scottPi } from './coefficients';
import { meanDefined, record } from './pairs';
import type { Study } from './study';
import type { PairTables, TokenTables } from './token-counts';
import type { AgreementReport, PairwiseFigure, TokenExtraFigures, TokenFigures } from './types';

/** A pairwise coefficient over every pair of the study, with the mean of the defined values. */
function pairwise(study: Study, view: PairTables, coefficient: CoefficientFn): PairwiseFigure {
  const entries = study.pairs.map(
    (pair, p) => [pair.key, coefficient(view.tables[p] as Float64Array, view.k)] as const,
  );
  return { pairs: record(entries), mean: meanDefined(entries.map(([, v]) => v)) };
}

/** κ pairs, Fleiss' κ and α of one view. O(P·k²). */
export function tokenFigures(study: Study, view: PairTables): TokenFigures {
  const multi = multiRater(view, study.pairs);
  return {
    cohen_kappa: pairwise(study, view, cohenKappa),
    fleiss_kappa: multi.fleissKappa,
    krippendorff_alpha: multi.krippendorffAlpha,
  };
}

/** Scott's π pairs, multi-π and Davies–Fleiss κ of one view. O(P·k²). */
export function tokenExtraFigures(study: Study, view: PairTables): TokenExtraFigures {
  const multi = multiRater(view, study.pairs);
  return {
    scott_pi: pairwise(study, view, scottPi),
    multi_pi: multi.multiPi,
    davies_fleiss_kappa: multi.daviesFleissKappa,
  };
}

/** The `token` and `token_extra` members of a report. */
export function tokenReports(
  study: Study,
  tables: TokenTables,
): Pick<AgreementReport, 'token' | 'token_extra'> {
  return {
    token: {
      ...tokenFigures(study, tables.single),
      per_label: record(
        study.labels.map((l, i) => [l, tokenFigures(study, tables.perLabel[i] as PairTables)]),
      ),
    },
    token_extra: {
      ...tokenExtraFigures(study, tables.single),
      per_label: record(
        study.labels.map((l, i) => [l, tokenExtraFigures(study, tables.perLabel[i] as PairTables)]),
      ),
    },
  };
}
