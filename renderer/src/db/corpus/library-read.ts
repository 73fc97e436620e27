import { STATUSES, type DocStatus } from '../../core/model/status';
import type { MarginaliaDb } from '../database';
import type { DocumentRow } from '../rows';
import { countPerDocument } from '../repositories/span-counts';
import { statusTables } from '../repositories/progress';
import { addBatchCounts, batchEntryCounts, type LabelCounts } from './counts';
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
 * One read transaction over every table the library reads, with the per-document rows (in library
 * order), one annotator's counts and statuses read first; `walk` adds the batch rows' share.
 */
function inLibraryRead<T>(
  db: MarginaliaDb,
  annotator: string,
  walk: (read: {
    rows: DocumentRow[];
    counts: Awaited<ReturnType<typeof countPerDocument>>;
    statuses: Awaited<ReturnType<typeof statusRowsOf>>;
  }) => Promise<T>,
): Promise<T> {
  const tables = [db.documents, db.spans, db.spanPacks, ...statusTables(db), ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const rows = await documentRowsInOrder(db);
    const [counts, statuses] = await Promise.all([
      countPerDocument(db, annotator),
      statusRowsOf(db, annotator),
    ]);
    return walk({ rows, counts, statuses });
  });
}

/**
 * The library's rows, one annotator's span counts and statuses in one read transaction and one walk
 * over the batch rows. Why one walk: read as three (listLibrary, countSpansByDocument,
 * libraryStatuses at once), each walk read and summarised every batch row itself, as the summaries
 * are kept only once a walk ends: at 100,000 documents (391 batch rows) the start-up's list took
 * 3.0-3.5 s under load (~19), the batch rows read three times over.
 */
export function readLibraryTables(db: MarginaliaDb, annotator: string): Promise<LibraryTables> {
  return inLibraryRead(db, annotator, async ({ rows, counts, statuses }) => {
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

/** One library entry as the list shows it: a document's row fields, counts and status, if any. */
export interface ListedDocument {
  id: string;
  title: string;
  length: number;
  counts: LabelCounts | undefined;
  status: DocStatus | undefined;
}

/**
 * What readLibraryTables gives, made into the caller's entries (`make`; null leaves one out) as the
 * batch heads arrive, with no row, count or status map per batch entry in between. Why: at
 * 1,000,000 documents those million rows and map entries, all alive until the end, made the whole
 * read's minor garbage collections 40-220 ms each (a trace, load ~14). Null when the batches are
 * not in library order (no writer leaves them so): readLibraryTables sorts them.
 */
export function readLibraryList<T>(
  db: MarginaliaDb,
  annotator: string,
  make: (d: ListedDocument) => T | null,
): Promise<T[] | null> {
  return inLibraryRead(db, annotator, async ({ rows, counts, statuses }) => {
    const out: T[] = [];
    const add = (d: ListedDocument): void => {
      const entry = make(d);
      if (entry !== null) out.push(entry);
    };
    const addRow = (r: DocumentRow): void =>
      add({ ...pick(r), counts: counts.get(r.id), status: statuses.get(r.id) });
    let next = 0;
    let last = -Infinity;
    let sorted = true;
    await forEachBatchSummary(
      db,
      (batch, shadowed) => {
        const spans = batch.spans.find((s) => s.annotator === annotator);
        const status = batch.statuses.find((s) => s.annotator === annotator)?.status;
        batch.ids.forEach((id, j) => {
          if (!sorted || shadowed(id)) return;
          const order = batch.orders[j] as number;
          if (order < last) sorted = false;
          last = order;
          // A `documents` row comes first on a tie, as in mergeByOrder.
          while (next < rows.length && (rows[next] as DocumentRow).order <= order)
            addRow(rows[next++] as DocumentRow);
          add({
            id,
            title: batch.titles[j] as string,
            length: batch.lengths[j] as number,
            counts: (spans && batchEntryCounts(spans, j)) ?? counts.get(id),
            status: STATUSES[(status?.[j] ?? 0) - 1] ?? statuses.get(id),
          });
        });
      },
      new Set(rows.map((r) => r.id)),
    );
    if (!sorted) return null;
    while (next < rows.length) addRow(rows[next++] as DocumentRow);
    return out;
  });
}

const pick = ({ id, title, length }: DocumentRow) => ({ id, title, length });
