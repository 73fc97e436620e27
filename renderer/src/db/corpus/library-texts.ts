import type { Table } from 'dexie';

import type { Span } from '../../core/model/span';
import type { MarginaliaDb } from '../database';
import type { BatchIndexRow } from '../batch-index';
import { batchPackOf, BATCH_FORMAT, type BatchRow } from '../batch-rows';
import { decodeSpanPack, spansOfRows } from '../span-pack';
import { batchTables } from './library-batches';
import { batchEntriesOf } from './library-lookup';

/*
 * What the link suggestions' worker reads of the library (issue 20): every document's text, page by
 * page, and some documents' spans. Shadowing needs no lookup for texts: a text never changes once
 * stored (its id is its hash) and a document moved out of its batch keeps it.
 */

/** Batch rows per read, each its own short transaction: a worker must not hold writers back. */
const PAGE = 4;

const table = <T>(db: MarginaliaDb, name: string) =>
  db.tables.find((t) => t.name === name) as Table<T> | undefined;

/** Every document id in the library: `documents` keys ∪ the batch index's ids (no batch row read). */
export async function libraryIds(db: MarginaliaDb): Promise<Set<string>> {
  const index = table<BatchIndexRow>(db, 'batchIndex');
  const [keys, rows] = await Promise.all([
    db.documents.toCollection().primaryKeys(),
    index ? index.toArray() : [],
  ]);
  const out = new Set(keys as string[]);
  for (const r of rows) for (const id of r.ids) out.add(id);
  return out;
}

/** Calls `visit` with the entries of each page of batch rows, in library order, awaiting it. */
export async function forEachBatchText(
  db: MarginaliaDb,
  visit: (entries: { id: string; text: string }[]) => void | Promise<void>,
): Promise<void> {
  const batches = table<BatchRow>(db, 'batches');
  if (!batches) return;
  let after = -Infinity;
  for (;;) {
    const page = (await batches.where(':id').above(after).limit(PAGE).toArray()) as BatchRow[];
    const entries: { id: string; text: string }[] = [];
    for (const row of page) {
      if (row.format !== BATCH_FORMAT) throw new Error(`The stored batch ${row.n} is damaged.`);
      row.ids.forEach((id, j) => entries.push({ id, text: row.texts[j] as string }));
    }
    await visit(entries);
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return;
    after = last.n;
  }
}

/** One annotator's spans on each of these documents (rows, else its batch's pack), in one read. */
export function librarySpansOf(
  db: MarginaliaDb,
  ids: readonly string[],
  annotator: string,
): Promise<Map<string, Span[]>> {
  return db.transaction('r', [db.documents, db.spans, ...batchTables(db)], async () => {
    const rows = await db.documents.bulkGet([...ids]);
    const out = new Map<string, Span[]>();
    for (const [i, id] of ids.entries())
      if (rows[i])
        out.set(id, spansOfRows(await db.spans.where('[docId+annotator]').equals([id, annotator]).toArray()));
    const found = await batchEntriesOf(
      db,
      ids.filter((_, i) => !rows[i]),
    );
    for (const [id, { row, j }] of found) {
      const pack = batchPackOf(row, j, annotator);
      const spans = pack ? decodeSpanPack(pack) : [];
      if (!spans) throw new Error(`The stored batch holding document ${id} is damaged.`);
      out.set(id, spans);
    }
    return out;
  });
}
