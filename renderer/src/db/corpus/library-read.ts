import type { DocStatus } from '../../core/model/status';
import type { MarginaliaDb } from '../database';
import type { DocumentRow } from '../rows';
import { countPerDocument } from '../repositories/span-counts';
import { statusTables } from '../repositories/progress';
import { addBatchCounts, type LabelCounts } from './counts';
import { addBatchRows, addBatchStatuses, documentRowsInOrder, mergeBatchRows, statusRowsOf } from './library';
import { batchTables } from './library-batches';
import { forEachBatchSummary } from './library-summaries';

/** What the whole library list shows, for one annotator. */
export interface LibraryTables {
  /** Every document's row (no text), in library order. */
  rows: DocumentRow[];
  counts: Map<string, LabelCounts>;
  statuses: Map<string, DocStatus>;
}

/**
 * The library's rows, one annotator's span counts and statuses in one read transaction and one walk
 * over the batch rows. Why one walk: read as three (listLibrary, countSpansByDocument,
 * libraryStatuses at once), each walk read and summarised every batch row itself, as the summaries
 * are kept only once a walk ends: at 100,000 documents (391 batch rows) the start-up's list took
 * 3.0-3.5 s under load (~19), the batch rows read three times over.
 */
export function readLibraryTables(db: MarginaliaDb, annotator: string): Promise<LibraryTables> {
  const tables = [db.documents, db.spans, db.spanPacks, ...statusTables(db), ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const rows = await documentRowsInOrder(db);
    const [counts, statuses] = await Promise.all([
      countPerDocument(db, annotator),
      statusRowsOf(db, annotator),
    ]);
    const fromBatches: DocumentRow[] = [];
    await forEachBatchSummary(
      db,
      (batch, shadowed) => {
        addBatchRows(batch, shadowed, fromBatches);
        addBatchCounts(batch, annotator, shadowed, counts);
        addBatchStatuses(batch, annotator, shadowed, statuses);
      },
      new Set(rows.map((r) => r.id)),
    );
    return { rows: mergeBatchRows(rows, fromBatches), counts, statuses };
  });
}
