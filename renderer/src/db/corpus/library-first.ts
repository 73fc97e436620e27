import type { Table } from 'dexie';

import type { MarginaliaDb } from '../database';
import { batchHeadOf, type BatchHead } from '../batch-heads';
import type { BatchRow } from '../batch-rows';
import type { DocStatus } from '../../core/model/status';
import type { DocumentRow } from '../rows';
import { countsOf } from '../repositories/library-page';
import { readStatus, statusTables } from '../repositories/progress';
import { addBatchCounts, type LabelCounts } from './counts';
import { addBatchRows, addBatchStatuses, mergeBatchRows } from './library';
import { batchTables } from './library-batches';
import type { LibraryTables } from './library-read';

/** The library's first entries, and whether they are all of it (nothing after them). */
export interface LibraryStart extends LibraryTables {
  complete: boolean;
}

/**
 * The first entries of the library in library order, exactly as the whole read (readLibraryTables)
 * has them, by `order` ranges: the first batch heads by key until they hold `limit` entries, and
 * the `documents` rows up to the last of those entries' orders by the `order` index (at most
 * `limit` of them), their counts and statuses by key. Why: at 1,000,000 documents the whole read
 * took 16-30 s under load, and the list was blank meanwhile (issue 20); a first screen needs a
 * few hundred entries. Null when the batches are not in library order (no writer leaves them so;
 * the whole read sorts them): the caller then waits for the whole read.
 */
export function readLibraryStart(
  db: MarginaliaDb,
  annotator: string,
  limit: number,
): Promise<LibraryStart | null> {
  const tables = [db.documents, db.spans, db.spanPacks, ...statusTables(db), ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const { heads, more } = await firstHeads(db, limit);
    if (!heads) return null;
    const last = heads[heads.length - 1];
    // Every entry past `bound` is unread (a later batch's), and the heads hold every entry up to it.
    const bound = more && last ? maxOf(last.orders) : Infinity;
    const range =
      bound === Infinity ? db.documents.orderBy('order') : db.documents.where('order').belowOrEqual(bound);
    const docs = await range.limit(limit).toArray();
    const full = docs.length === limit;
    // A full page may stop among rows of one order: those unread come after the page's rows of that
    // order and before any batch entry of it (the merge puts `documents` rows first on a tie), so
    // batch entries stop short of that order.
    const lastOrder = full ? (docs[docs.length - 1] as DocumentRow).order : Infinity;
    // A `documents` row keeps the order of the batch entry it shadows: every row that can shadow a
    // kept entry is in `docs`.
    const skip = new Set(docs.map((d) => d.id));
    for (const head of heads)
      head.orders.forEach((o, j) => {
        if (o >= lastOrder) skip.add(head.ids[j] as string);
      });
    const skipped = (id: string): boolean => skip.has(id);
    const fromBatches: DocumentRow[] = [];
    for (const head of heads) addBatchRows(head, skipped, fromBatches);
    const rows = mergeBatchRows(docs, fromBatches);
    const ids = rows.map((r) => r.id);
    const [counts, statuses] = await Promise.all([
      countsByKey(db, docs, annotator),
      statusesByKey(db, ids, annotator),
    ]);
    for (const head of heads) {
      addBatchCounts(head, annotator, skipped, counts);
      addBatchStatuses(head, annotator, skipped, statuses);
    }
    return { rows, counts, statuses, complete: !more && !full };
  });
}

/** Counts of the `documents` rows' documents with spans (a pack, else rows), each by key. */
async function countsByKey(
  db: MarginaliaDb,
  docs: readonly DocumentRow[],
  annotator: string,
): Promise<Map<string, LabelCounts>> {
  const out = new Map<string, LabelCounts>();
  const got = await Promise.all(docs.map((d) => countsOf(db, d.id, annotator)));
  got.forEach((c, i) => {
    if (c.claim + c.quote + c.figure + c.speculation > 0) out.set((docs[i] as DocumentRow).id, c);
  });
  return out;
}

/** The status rows of `ids` for one annotator, by key. */
async function statusesByKey(
  db: MarginaliaDb,
  ids: readonly string[],
  annotator: string,
): Promise<Map<string, DocStatus>> {
  const got = await Promise.all(ids.map((id) => readStatus(db, id, annotator)));
  const out = new Map<string, DocStatus>();
  got.forEach((row, i) => {
    if (row) out.set(ids[i] as string, row.status);
  });
  return out;
}

/** Heads read per request while looking for the first entries. */
const STEP = 2;

/**
 * The first batch heads by key until they hold `limit` entries (a row whose head is missing
 * summarised from the row, as forEachBatchSummary does), and whether more batches follow; null
 * heads when they are not in `order` (each batch's orders above the one before).
 */
async function firstHeads(
  db: MarginaliaDb,
  limit: number,
): Promise<{ heads: BatchHead[] | null; more: boolean }> {
  const table = db.tables.find((t) => t.name === 'batches') as Table<BatchRow, number> | undefined;
  const headTable = db.tables.find((t) => t.name === 'batchHeads') as Table<BatchHead, number> | undefined;
  if (!table) return { heads: [], more: false };
  const heads: BatchHead[] = [];
  let entries = 0;
  let after = -Infinity;
  for (;;) {
    const keys = (await table
      .where(':id')
      .above(after)
      .limit(STEP + 1)
      .primaryKeys()) as number[];
    const page = keys.slice(0, STEP);
    const got = headTable ? await headTable.bulkGet(page) : page.map(() => undefined);
    for (const [k, head] of got.entries()) {
      const h = head ?? (await table.get(page[k] as number).then((row) => row && batchHeadOf(row)));
      if (!h) continue;
      const prev = heads[heads.length - 1];
      if (prev && minOf(h.orders) <= maxOf(prev.orders)) return { heads: null, more: true };
      heads.push(h);
      entries += h.ids.length;
    }
    const more = keys.length > STEP;
    if (!more || entries >= limit) return { heads, more };
    after = page[page.length - 1] as number;
  }
}

const maxOf = (xs: Float64Array): number => xs.reduce((m, x) => (x > m ? x : m), -Infinity);
const minOf = (xs: Float64Array): number => xs.reduce((m, x) => (x < m ? x : m), Infinity);
