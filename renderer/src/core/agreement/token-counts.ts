import type { Study } from './study';
import type { TokenViews } from './token-views';

/**
 * Pairwise contingency tables over one token view: `tables[p][x * k + y]` counts the tokens that
 * the first annotator of pair p (in `Study.pairs` order) put in category x and the second in y.
 * Every token-level coefficient (pairwise and multi-rater) is a function of these tables alone:
 * per token, Σ_k n_tk² = m + (ordered agreeing pairs), so summing agreement over pairs gives the
 * multi-rater observed agreement without a per-token pass per coefficient.
 */
export interface PairTables {
  /** Number of categories. */
  readonly k: number;
  /** Number of tokens counted. */
  readonly n: number;
  /** Number of annotators. */
  readonly m: number;
  readonly tables: readonly Float64Array[];
}

export interface TokenTables {
  /** Single-label view over all tokens; categories 0 = O, k + 1 = label k. */
  readonly single: PairTables;
  /** Single-label view per document (same category indices). */
  readonly singleByDocument: readonly PairTables[];
  /** Per-label binary view; categories 0 (not covered) and 1 (covered). */
  readonly perLabel: readonly PairTables[];
}

/**
 * Counts all tables in one pass per annotator pair. O(P·N + P·4^K) for P pairs, N tokens and K
 * labels: the binary views are read from one 2^K × 2^K table of label masks per pair.
 */
export function countTokenTables(study: Study, views: readonly TokenViews[]): TokenTables {
  const k1 = study.labels.length + 1;
  const masks = 1 << study.labels.length;
  const m = study.annotators.length;
  const singleByDocument = study.documents.map((doc) => ({
    k: k1,
    n: doc.tokens.count,
    m,
    tables: study.pairs.map(() => new Float64Array(k1 * k1)),
  }));
  const maskTables = study.pairs.map(() => new Float64Array(masks * masks));
  study.pairs.forEach((pair, p) => {
    const va = views[pair.i] as TokenViews;
    const vb = views[pair.j] as TokenViews;
    const mt = maskTables[p] as Float64Array;
    study.documents.forEach((doc, d) => {
      const table = singleByDocument[d]?.tables[p] as Float64Array;
      const end = doc.tokenStart + doc.tokens.count;
      for (let t = doc.tokenStart; t < end; t++) {
        (table[(va.category[t] as number) * k1 + (vb.category[t] as number)] as number)++;
        (mt[(va.mask[t] as number) * masks + (vb.mask[t] as number)] as number)++;
      }
    });
  });
  const single = {
    k: k1,
    n: study.nTokens,
    m,
    tables: study.pairs.map((_, p) => sumTables(singleByDocument.map((s) => s.tables[p] as Float64Array))),
  };
  const perLabel = study.labels.map((_, l) => ({
    k: 2,
    n: study.nTokens,
    m,
    tables: maskTables.map((mt) => binaryTable(mt, masks, l)),
  }));
  return { single, singleByDocument, perLabel };
}

function sumTables(tables: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(tables[0]?.length ?? 0);
  for (const t of tables) for (let i = 0; i < t.length; i++) (out[i] as number) += t[i] as number;
  return out;
}

/** Collapses a mask × mask table to the 2 × 2 table of one label's bit. O(4^K). */
function binaryTable(maskTable: Float64Array, masks: number, label: number): Float64Array {
  const out = new Float64Array(4);
  for (let x = 0; x < masks; x++) {
    for (let y = 0; y < masks; y++) {
      const count = maskTable[x * masks + y] as number;
      if (count === 0) continue;
      const bx = (x >> label) & 1;
      const by = (y >> label) & 1;
      (out[bx * 2 + by] as number) += count;
    }
  }
  return out;
}
