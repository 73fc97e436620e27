import { LABELS, type Label } from '../../core/model/labels';
import type { MarginaliaDb } from '../database';
import { forEachBatchSummary, type BatchSummary } from './library-summaries';

export type LabelCounts = Record<Label, number>;
export const noCounts = (): LabelCounts => ({ claim: 0, quote: 0, figure: 0, speculation: 0 });

/**
 * Adds to `out` the per-label span counts of one annotator on the documents held in batch rows
 * that no `documents` row shadows (a document with no span gets no entry, as with packs and rows).
 * Counted from each batch pack's label column and its documents' starts: nothing is decoded.
 * Inside a read transaction over `documents` and the batch tables.
 */
export async function addBatchSpanCounts(
  db: MarginaliaDb,
  annotator: string,
  out: Map<string, LabelCounts>,
): Promise<void> {
  await forEachBatchSummary(db, (batch, shadowed) => addBatchCounts(batch, annotator, shadowed, out));
}

/** Adds to `out` one annotator's counts on a batch's entries no `documents` row shadows. */
export function addBatchCounts(
  batch: BatchSummary,
  annotator: string,
  shadowed: (id: string) => boolean,
  out: Map<string, LabelCounts>,
): void {
  const set = batch.spans.find((s) => s.annotator === annotator);
  if (!set) return;
  const { docStart, labels } = set;
  batch.ids.forEach((id, j) => {
    const from = docStart[j] as number;
    const to = docStart[j + 1] as number;
    if (to === from || shadowed(id)) return;
    const counts = noCounts();
    for (let k = from; k < to; k++) counts[LABELS[labels[k] as number] as Label] += 1;
    out.set(id, counts);
  });
}
