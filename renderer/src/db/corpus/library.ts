import type { Table } from 'dexie';

import { STATUSES, type DocStatus } from '../../core/model/status';
import type { MarginaliaDb } from '../database';
import type { BatchRow } from '../batch-rows';
import type { DocumentRow } from '../rows';
import { statusesOf, statusTables } from '../repositories/progress';
import { batchTables, documentIdsInOrders } from './library-batches';
import { forEachBatchSummary, summaryDocumentRow, type BatchSummary } from './library-summaries';

const PAGE = 2_000;

/**
 * The library list (no texts) in library order: the `documents` rows and the entries of batch rows
 * that no `documents` row shadows, merged by `order` (a batch holds consecutive orders, so the
 * merge is exact). Read in pages inside one read transaction: one consistent snapshot, but a big
 * library is deserialised in many short tasks instead of one long one that would freeze the page.
 */
export function listLibrary(db: MarginaliaDb): Promise<DocumentRow[]> {
  return db.transaction('r', [db.documents, ...batchTables(db)], async () => {
    const rows = await documentRowsInOrder(db);
    const fromBatches: DocumentRow[] = [];
    await forEachBatchSummary(
      db,
      (batch, shadowed) => addBatchRows(batch, shadowed, fromBatches),
      new Set(rows.map((r) => r.id)),
    );
    return mergeBatchRows(rows, fromBatches);
  });
}

/** Every `documents` row by `order`, in pages. Inside a read transaction over `documents`. */
export async function documentRowsInOrder(db: MarginaliaDb): Promise<DocumentRow[]> {
  const rows: DocumentRow[] = [];
  let after = -Infinity;
  for (;;) {
    const page = await db.documents.where('order').above(after).limit(PAGE).toArray();
    rows.push(...page);
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return rows;
    after = last.order;
  }
}

/** Adds to `out` the rows of a batch's entries no `documents` row shadows. */
export function addBatchRows(
  batch: BatchSummary,
  shadowed: (id: string) => boolean,
  out: DocumentRow[],
): void {
  batch.ids.forEach((id, j) => {
    if (!shadowed(id)) out.push(summaryDocumentRow(batch, j));
  });
}

/** The `documents` rows and the batch entries' rows (each in `order`), as one list in `order`. */
export function mergeBatchRows(rows: DocumentRow[], fromBatches: DocumentRow[]): DocumentRow[] {
  // Batches follow library order; should a bulk writer ever break that, the list still is in order.
  if (!fromBatches.every((r, i) => i === 0 || (fromBatches[i - 1] as DocumentRow).order <= r.order))
    fromBatches.sort((x, y) => x.order - y.order);
  return mergeByOrder(rows, fromBatches);
}

/** Two lists each in `order`, as one (stable: on a tie, `a` first). */
export function mergeByOrder(a: DocumentRow[], b: DocumentRow[]): DocumentRow[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: DocumentRow[] = [];
  let i = 0;
  let k = 0;
  while (i < a.length && k < b.length)
    out.push(((a[i] as DocumentRow).order <= (b[k] as DocumentRow).order ? a[i++] : b[k++]) as DocumentRow);
  return out.concat(a.slice(i), b.slice(k));
}

/**
 * Status per document for one annotator (documents without one are "todo"): its status rows and
 * the statuses held in batch entries no `documents` row shadows.
 */
export function libraryStatuses(db: MarginaliaDb, annotator: string): Promise<Map<string, DocStatus>> {
  return db.transaction('r', [db.documents, ...statusTables(db), ...batchTables(db)], async () => {
    const out = await statusRowsOf(db, annotator);
    await forEachBatchSummary(db, (batch, shadowed) => addBatchStatuses(batch, annotator, shadowed, out));
    return out;
  });
}

/** One annotator's status rows by document. Inside a read transaction over `statusTables(db)`. */
export async function statusRowsOf(db: MarginaliaDb, annotator: string): Promise<Map<string, DocStatus>> {
  const rows = await statusesOf(db, [annotator]);
  return new Map<string, DocStatus>(rows.map((r) => [r.docId, r.status]));
}

/** Adds to `out` one annotator's statuses held in a batch's entries no `documents` row shadows. */
export function addBatchStatuses(
  batch: BatchSummary,
  annotator: string,
  shadowed: (id: string) => boolean,
  out: Map<string, DocStatus>,
): void {
  const set = batch.statuses.find((s) => s.annotator === annotator);
  if (!set) return;
  set.status.forEach((k, j) => {
    const status = STATUSES[k - 1];
    const id = batch.ids[j] as string;
    if (status && !shadowed(id)) out.set(id, status);
  });
}

/**
 * The first document in library order, wherever it is held: the first `documents` row by `order`
 * or the first batch entry no `documents` row shadows (batches follow library order, so it is in
 * the first batch with such an entry), whichever comes first. A few rows, never the library.
 */
export function firstInLibrary(db: MarginaliaDb): Promise<string | null> {
  const batches = db.tables.find((t) => t.name === 'batches') as Table<BatchRow, number> | undefined;
  return db.transaction('r', [db.documents, ...batchTables(db)], async () => {
    const row = await db.documents.orderBy('order').first();
    let after = -Infinity;
    for (;;) {
      const batch = batches && (await batches.where(':id').above(after).first());
      if (!batch) return row?.id ?? null;
      const shadowing = await documentIdsInOrders(db, batch.orders);
      const k = batch.ids.findIndex((id) => !shadowing.has(id));
      if (k >= 0) return row && row.order <= (batch.orders[k] as number) ? row.id : (batch.ids[k] as string);
      after = batch.n;
    }
  });
}
