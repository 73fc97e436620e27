import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { byKey } from '../batch-entries';
import type { MarginaliaDb } from '../database';
import type { ProgressRow, SpanRow } from '../rows';
import { forEachBatch } from './library-batches';
import { unshadowedSetRows, type BatchSetRows } from './sets';

/*
 * Whole-table readers of annotators' sets (agreement, team sync's push) over per-document rows ∪
 * unshadowed batch entries (issue 20). Gold never lives in a batch (its own tables), so batch rows
 * join the other participants' rows, in the order the `annotator` index lists those: by annotator,
 * then by primary key — a span's id, a status's document — so readers see the rows of a library in
 * batches in the order they would see them per document.
 */

const bySpanKey = (a: SpanRow, b: SpanRow): number => byKey(a.annotator, b.annotator) || byKey(a.id, b.id);
const byStatusKey = (a: ProgressRow, b: ProgressRow): number =>
  byKey(a.annotator, b.annotator) || byKey(a.docId, b.docId);

/** `rows` (non-gold rows in index order, then gold's) with `extra` merged into the non-gold part. */
function mergeInIndexOrder<T extends { annotator: string }>(
  rows: readonly T[],
  extra: readonly T[],
  order: (a: T, b: T) => number,
): T[] {
  if (extra.length === 0) return [...rows];
  const gold = rows.filter((r) => r.annotator === GOLD_ANNOTATOR);
  const others = rows.filter((r) => r.annotator !== GOLD_ANNOTATOR);
  return [...[...others, ...extra].sort(order), ...gold];
}

/**
 * The batch entries' sets of `annotators` among `docIds` (null: every document) joined to the
 * per-document rows read for them, and the batch documents those sets name (with their texts).
 * Inside a read transaction that includes `documents` and `batchTables(db)`.
 */
export async function withBatchSets(
  db: MarginaliaDb,
  annotators: readonly string[],
  docIds: readonly string[] | null,
  perDocument: { spans: readonly SpanRow[]; statuses: readonly ProgressRow[] },
): Promise<{ spans: SpanRow[]; statuses: ProgressRow[]; documents: BatchSetRows['documents'] }> {
  const others = annotators.filter((a) => a !== GOLD_ANNOTATOR);
  const batch =
    others.length > 0
      ? await unshadowedSetRows(db, docIds, others)
      : { documents: [], spans: [], statuses: [] };
  const named = new Set([...batch.spans, ...batch.statuses].map((r) => r.docId));
  return {
    spans: mergeInIndexOrder(perDocument.spans, batch.spans, bySpanKey),
    statuses: mergeInIndexOrder(perDocument.statuses, batch.statuses, byStatusKey),
    documents: batch.documents.filter((d) => named.has(d.document.id)),
  };
}

/**
 * Every annotator with a span or a status on an unshadowed batch entry (a set only on shadowed
 * entries was moved out with its document). Reads every batch row; inside a read transaction that
 * includes `documents` and `batchTables(db)`, or none.
 */
export async function batchParticipants(db: MarginaliaDb): Promise<string[]> {
  const out = new Set<string>();
  await forEachBatch(db, (row, shadowed) => {
    const live = row.ids.map((id) => !shadowed(id));
    for (const s of row.spans)
      if (live.some((l, j) => l && s.docStart[j + 1]! > s.docStart[j]!)) out.add(s.annotator);
    for (const s of row.statuses) if (live.some((l, j) => l && s.status[j] !== 0)) out.add(s.annotator);
  });
  return [...out];
}
