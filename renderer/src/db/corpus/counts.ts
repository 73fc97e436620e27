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

/** Counts below this per label are shared objects (SHARED), so 16^4 of them at most. */
const SHARED_BELOW = 16;
const SHARED: (Readonly<LabelCounts> | undefined)[] = [];

/**
 * One frozen object per distinct count: most documents carry a few spans, so a library of
 * 1,000,000 documents holds a few dozen counts objects instead of a million (issue 20: the heap
 * under 300 MB; the objects were also most of the whole read's garbage collection).
 */
function sharedCounts(c: LabelCounts): LabelCounts {
  const { claim, quote, figure, speculation } = c;
  if (Math.max(claim, quote, figure, speculation) >= SHARED_BELOW) return c;
  const key = ((claim * SHARED_BELOW + quote) * SHARED_BELOW + figure) * SHARED_BELOW + speculation;
  return (SHARED[key] ??= Object.freeze(c)) as LabelCounts;
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
  batch.ids.forEach((id, j) => {
    const counts = batchEntryCounts(set, j);
    if (counts && !shadowed(id)) out.set(id, counts);
  });
}

/** Entry j's counts in one annotator's span set of a batch; undefined when it has no span there. */
export function batchEntryCounts(
  { docStart, labels }: BatchSummary['spans'][number],
  j: number,
): LabelCounts | undefined {
  const from = docStart[j] as number;
  const to = docStart[j + 1] as number;
  if (to === from) return undefined;
  const counts = noCounts();
  for (let k = from; k < to; k++) counts[LABELS[labels[k] as number] as Label] += 1;
  return sharedCounts(counts);
}
