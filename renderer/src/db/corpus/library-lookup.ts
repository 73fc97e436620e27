import type { Table } from 'dexie';

import type { MarginaliaDb } from '../database';
import { batchOf, prefixOf, type BatchIndexRow } from '../batch-index';
import type { BatchRow } from '../batch-rows';
import type { DocumentRow } from '../rows';
import { batchDocumentRow, batchTables } from './library-batches';

/**
 * Library-side lookups of some documents by id (titles for the lead's dashboard and sync messages,
 * link ends' titles and texts), wherever each lives (issue 20): its `documents` row, else its
 * batch entry. One index range read per id prefix and one read per batch, however many ids.
 */

type Found = { row: BatchRow; j: number };

/** Where each of `ids` is held in the batches (ids with a `documents` row must not be asked). */
export async function batchEntriesOf(db: MarginaliaDb, ids: readonly string[]): Promise<Map<string, Found>> {
  const out = new Map<string, Found>();
  const index = db.tables.find((t) => t.name === 'batchIndex') as Table<BatchIndexRow> | undefined;
  const batches = db.tables.find((t) => t.name === 'batches') as Table<BatchRow, number> | undefined;
  if (!index || !batches || ids.length === 0) return out;
  const byPrefix = new Map<string, string[]>();
  for (const id of ids) {
    const p = prefixOf(id);
    const some = byPrefix.get(p);
    if (some) some.push(id);
    else byPrefix.set(p, [id]);
  }
  const batchOfId = new Map<string, number>();
  for (const [p, some] of byPrefix) {
    const rows = await index.where('[prefix+n0]').between([p, -Infinity], [p, Infinity]).toArray();
    for (const id of some) {
      const n = batchOf(rows, id);
      if (n !== undefined) batchOfId.set(id, n);
    }
  }
  const ns = [...new Set(batchOfId.values())];
  const rows = new Map(ns.map((n, i) => [n, i]));
  const got = await batches.bulkGet(ns);
  for (const [id, n] of batchOfId) {
    const row = got[rows.get(n) as number];
    const j = row ? row.ids.indexOf(id) : -1;
    if (row && j >= 0) out.set(id, { row, j });
  }
  return out;
}

/** Each of `ids`' document row and text, aligned with `ids` (undefined: not in the library). */
export function libraryDocumentsOf(
  db: MarginaliaDb,
  ids: readonly string[],
  withTexts: boolean,
): Promise<({ row: DocumentRow; text: string | undefined } | undefined)[]> {
  const tables = [db.documents, ...(withTexts ? [db.texts] : []), ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const [rows, texts] = await Promise.all([
      db.documents.bulkGet([...ids]),
      withTexts ? db.texts.bulkGet([...ids]) : [],
    ]);
    const found = await batchEntriesOf(
      db,
      ids.filter((_, i) => !rows[i]),
    );
    return ids.map((id, i) => {
      const row = rows[i];
      if (row) return { row, text: texts[i]?.text };
      const e = found.get(id);
      return e && { row: batchDocumentRow(e.row, e.j), text: withTexts ? e.row.texts[e.j] : undefined };
    });
  });
}

/** Titles of these documents (missing ones are left out), in the order of `ids`. */
export async function libraryTitlesOf(
  db: MarginaliaDb,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const docs = await libraryDocumentsOf(db, ids, false);
  const out = new Map<string, string>();
  docs.forEach((d, i) => {
    if (d) out.set(ids[i] as string, d.row.title);
  });
  return out;
}
