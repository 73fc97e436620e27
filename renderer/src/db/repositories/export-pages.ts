import type { ExportDataset } from '../../core/formats/export-types';
import type { MarginaliaDb } from '../database';
import type { DocumentRow } from '../rows';
import type { BatchRow } from '../batch-rows';
import { batchSetRows, batchTables } from '../corpus/sets';
import { readExportPage } from './export-dataset';
import { statusTables } from './progress';

/** Documents per page: ~1–2 MB of records for news articles, few enough requests to be fast. */
export const EXPORT_PAGE_DOCUMENTS = 500;

/**
 * The next page of documents in library order after `after` (the last `order` already read) and
 * before `below` (the next batch's first order, or Infinity): up to
 * `size` rows, plus every row sharing the page's last `order` value, so a tie is never split across
 * pages (the `order` index lists ties by id, as `orderBy('order')` does).
 */
async function nextRows(
  db: MarginaliaDb,
  after: number | null,
  size: number,
  below: number,
): Promise<DocumentRow[]> {
  const from = db.documents.where('order').between(after ?? -Infinity, below, after === null, false);
  const rows = await from.limit(size).toArray();
  const last = rows[rows.length - 1];
  if (!last || rows.length < size) return rows;
  const ties = await db.documents.where('order').equals(last.order).toArray();
  return [...rows.filter((r) => r.order !== last.order), ...ties];
}

/** Where a page walk is: the last `order` read, and the next batch row not yet read (never rewritten: kept). */
interface Walk {
  after: number | null;
  lastBatch: number;
  batch: BatchRow | null | undefined;
}

/**
 * The next page in library order: the per-document documents before the next batch row (pages of
 * `size`), else that batch's unshadowed entries with the per-document documents whose `order` falls
 * in its range — a batch holds consecutive orders, and a `documents` row shadowing one of its entries
 * has the entry's `order` (materialize copies it; nothing changes an order), so the range read finds
 * every shadowing row: one batch read instead of three requests per document.
 */
async function nextPage(
  db: MarginaliaDb,
  walk: Walk,
  annotators: readonly string[],
  includeUntouched: boolean,
  size: number,
): Promise<ExportDataset | null> {
  const batches = batchTables(db).find((t) => t.name === 'batches');
  if (walk.batch === undefined)
    walk.batch =
      ((await batches?.where(':id').above(walk.lastBatch).first()) as BatchRow | undefined) ?? null;
  const batch = walk.batch;
  const lo = batch ? batch.orders[0]! : Infinity;
  const before = await nextRows(db, walk.after, size, lo);
  const last = before[before.length - 1];
  if (last || !batch) {
    if (!last) return null;
    walk.after = last.order;
    return readExportPage(db, before, annotators, includeUntouched);
  }
  const hi = batch.orders[batch.orders.length - 1]!;
  const rows = await db.documents.where('order').between(lo, hi, true, true).toArray();
  const own = new Set(rows.map((r) => r.id));
  const entries = batchSetRows(batch, (id) => !own.has(id), annotators);
  walk.after = hi;
  walk.lastBatch = batch.n;
  walk.batch = undefined;
  return readExportPage(db, rows, annotators, includeUntouched, entries);
}

/**
 * Every document of the library in library order with the chosen annotators' sets, one page at a
 * time, never the whole library at once: memory stays bounded by a page, whatever the library's size.
 * Documents held in batch rows (issue 20) come a batch per page. Each page is read in its own
 * transaction, so each page is a consistent snapshot; edits made while a long export runs show in
 * the pages read after them.
 */
export async function* exportPages(
  db: MarginaliaDb,
  annotators: readonly string[],
  includeUntouched: boolean,
  size = EXPORT_PAGE_DOCUMENTS,
): AsyncGenerator<ExportDataset> {
  const tables = [db.documents, db.texts, db.spans, db.goldSpans, ...statusTables(db), ...batchTables(db)];
  const walk: Walk = { after: null, lastBatch: -Infinity, batch: undefined };
  const read = () =>
    db.transaction('r', tables, () => nextPage(db, walk, annotators, includeUntouched, size));
  // The next page is read while the caller writes this one (reading is most of an export's time).
  let next = read();
  for (;;) {
    const page = await next;
    if (!page) return;
    next = read();
    // A reader that stops early (Cancel, a failed write) must not leave a rejection unhandled.
    next.catch(() => undefined);
    yield page;
  }
}
