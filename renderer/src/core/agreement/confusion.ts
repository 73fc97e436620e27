import type { AgreementAnalysis } from './report';

/** Name of the "no label" category of the single-label token view. */
export const NO_LABEL = 'O';

/**
 * Label confusion between two annotators over tokens (single-label view): `counts[x][y]` tokens
 * that `rowAnnotator` put in `categories[x]` and `columnAnnotator` in `categories[y]`.
 * Invariant: the counts sum to `nTokens`; the diagonal is their agreement.
 */
export interface LabelConfusion {
  readonly rowAnnotator: string;
  readonly columnAnnotator: string;
  /** `O` first, then the study's labels. */
  readonly categories: readonly string[];
  readonly counts: readonly (readonly number[])[];
  readonly nTokens: number;
}

/**
 * The confusion matrix of annotators `a` (rows) and `b` (columns), over the documents with the
 * given ids (default: all). Throws a RangeError for an unknown or identical annotator.
 * O(|docs| · k²) from the per-document tables; no token is revisited.
 */
export function labelConfusion(
  analysis: AgreementAnalysis,
  a: string,
  b: string,
  documentIds?: readonly string[],
): LabelConfusion {
  const { study, tokenTables } = analysis;
  const pairIndex = study.pairs.findIndex((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  const pair = study.pairs[pairIndex];
  if (!pair) throw new RangeError(`No annotator pair "${a}" / "${b}" in this study.`);
  const transpose = pair.a !== a;
  const wanted = documentIds ? new Set(documentIds) : null;
  const k = study.labels.length + 1;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let nTokens = 0;
  study.documents.forEach((doc, d) => {
    if (wanted && !wanted.has(doc.id)) return;
    const table = tokenTables.singleByDocument[d]?.tables[pairIndex];
    if (!table) return;
    nTokens += doc.tokens.count;
    for (let x = 0; x < k; x++) {
      for (let y = 0; y < k; y++) {
        const row = (transpose ? counts[y] : counts[x]) as number[];
        const col = transpose ? x : y;
        row[col] = (row[col] as number) + (table[x * k + y] as number);
      }
    }
  });
  return { rowAnnotator: a, columnAnnotator: b, categories: [NO_LABEL, ...study.labels], counts, nTokens };
}
