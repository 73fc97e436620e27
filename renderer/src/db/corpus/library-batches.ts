import type { Table } from 'dexie';

import type { MarginaliaDb } from '../database';
import { BATCH_FORMAT, type BatchRow } from '../batch-rows';
import { documentToRow, type DocumentRow } from '../rows';

/*
 * The library side's walk over the documents held in batch rows (issue 20, docs/architecture.md
 * "Corpus storage in batch rows"). A document is in one place: a `documents` row shadows its batch
 * entry for ever (copy-on-first-write keeps the entry's `order`), so the documents that can shadow
 * entries of a batch are the `documents` rows in the batch's `order` range: one index range read per
 * batch (usually empty), never a read of the whole `documents` table.
 */

/** Batch rows read per request: ≤ 8 MB of text, so the walk stays in short steps. */
const PAGE = 8;

const BATCH_TABLES = new Set(['batches', 'batchIndex', 'batchHeads']);

/** The batch tables, absent from a database declared before schema v8 (heads: v9; tests' older versions). */
export const batchTables = (db: MarginaliaDb): Table[] => db.tables.filter((t) => BATCH_TABLES.has(t.name));

/**
 * Calls `visit` for every batch row in library order with the ids of its entries that a `documents`
 * row shadows. `shadowing`, when the caller already holds every `documents` id, saves the range
 * reads. Inside a read transaction that includes `documents` and `batchTables(db)`.
 */
export async function forEachBatch(
  db: MarginaliaDb,
  visit: (row: BatchRow, shadowed: (id: string) => boolean) => void,
  shadowing?: ReadonlySet<string>,
): Promise<void> {
  const table = db.tables.find((t) => t.name === 'batches') as Table<BatchRow, number> | undefined;
  if (!table) return;
  let after = -Infinity;
  for (;;) {
    const page = await table.where(':id').above(after).limit(PAGE).toArray();
    for (const row of page) {
      if (row.format !== BATCH_FORMAT) throw new Error(`The stored batch ${row.n} is damaged.`);
      if (shadowing) {
        visit(row, (id) => shadowing.has(id));
        continue;
      }
      const ids = await documentIdsInOrders(db, row.orders);
      visit(row, (id) => ids.has(id));
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return;
    after = last.n;
  }
}

/** The `documents` ids whose `order` is in the range of `orders`: the only rows that can shadow them. */
export async function documentIdsInOrders(db: MarginaliaDb, orders: Float64Array): Promise<Set<string>> {
  if (orders.length === 0) return new Set();
  let lo = Infinity;
  let hi = -Infinity;
  for (const o of orders) {
    if (o < lo) lo = o;
    if (o > hi) hi = o;
  }
  const keys = await db.documents.where('order').between(lo, hi, true, true).primaryKeys();
  return new Set(keys as string[]);
}

/** Entry j's `documents` row exactly as a per-document document has it (built by the same function). */
export function batchDocumentRow(row: BatchRow, j: number): DocumentRow {
  const doc = {
    id: row.ids[j] as string,
    title: row.titles[j] as string,
    text: row.texts[j] as string,
    source: row.sources[j] as string,
    meta: row.metas[j] as Record<string, unknown>,
  };
  return documentToRow(doc, row.orders[j] as number, row.addedAt[j] as number);
}
