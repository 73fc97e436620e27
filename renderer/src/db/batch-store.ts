import type { Table } from 'dexie';

import type { MarginaliaDb } from './database';
import { batchOf, prefixOf, type BatchIndexRow } from './batch-index';
import type { Span } from '../core/model/span';
import { batchPackOf, decodeBatchEntry, type BatchRow } from './batch-rows';
import { decodeSpanPack } from './span-pack';

const batches = (db: MarginaliaDb): Table<BatchRow, number> => db.table('batches');
const batchIndex = (db: MarginaliaDb): Table<BatchIndexRow, [string, number]> => db.table('batchIndex');

/** Where a document lives in the batches: its row and position, or undefined (not in any batch). */
export async function findBatchEntry(
  db: MarginaliaDb,
  id: string,
): Promise<{ row: BatchRow; j: number } | undefined> {
  const p = prefixOf(id);
  const index = await batchIndex(db).where('[prefix+n0]').between([p, -Infinity], [p, Infinity]).toArray();
  const n = batchOf(index, id);
  const row = n === undefined ? undefined : await batches(db).get(n);
  const j = row ? row.ids.indexOf(id) : -1;
  return row && j >= 0 ? { row, j } : undefined;
}

/**
 * Copy-on-first-write: every document of `ids` that still lives in a batch (no `documents` row)
 * gets its per-document rows (document, text, spans, statuses) from its batch entry, in the
 * caller's transaction, which must include those tables, `spanPacks`, `batches` and `batchIndex`.
 * Rows are added, never put: if another tab moved the document first, the add fails and the
 * caller's transaction aborts, so nothing is overwritten. The batch row is left as it is (a
 * `documents` row shadows its entry for ever). Returns the ids moved.
 */
export async function materialize(db: MarginaliaDb, ids: readonly string[]): Promise<string[]> {
  const moved: string[] = [];
  for (const id of new Set(ids)) {
    if (await db.documents.get(id)) continue;
    const found = await findBatchEntry(db, id);
    if (!found) continue;
    const entry = decodeBatchEntry(found.row, found.j);
    if (!entry) throw new Error(`The stored batch holding document ${id} is damaged.`);
    await db.documents.add(entry.document);
    await db.texts.add({ id, text: entry.text });
    await db.spans.bulkAdd(entry.spans);
    await db.progress.bulkAdd(entry.statuses);
    moved.push(id);
  }
  return moved;
}

/**
 * The open path's view of a document that lives in a batch (no `documents` row): its entry, or
 * undefined when the document is per-document or in no batch. One read transaction.
 */
export function batchEntryOf(
  db: MarginaliaDb,
  id: string,
): Promise<{ row: BatchRow; j: number } | undefined> {
  // A database declared before schema v8 (tests' older versions) has no batches.
  if (!db.tables.some((t) => t.name === 'batches')) return Promise.resolve(undefined);
  return db.transaction('r', [db.documents, batches(db), batchIndex(db)], async () =>
    (await db.documents.get(id)) ? undefined : findBatchEntry(db, id),
  );
}

/** One annotator's spans of a document in a batch, from the batch's pack (none: []); null if damaged. */
export function batchSpansOf(found: { row: BatchRow; j: number }, annotator: string): Span[] | null {
  const pack = batchPackOf(found.row, found.j, annotator);
  return pack ? decodeSpanPack(pack) : [];
}
