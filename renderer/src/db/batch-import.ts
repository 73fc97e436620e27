import type { Table } from 'dexie';

import type { MarginaliaDb } from './database';
import { batchTables } from './corpus/library-batches';
import { batchIndexRows, batchOf, prefixOf, type BatchIndexRow } from './batch-index';
import { batchHeadOf, type BatchHead } from './batch-heads';
import { encodeBatch, groupIntoBatches, type BatchEntry, type BatchRow } from './batch-rows';

/**
 * The import's side of the corpus batch rows (issue 20, docs/architecture.md "Corpus storage in
 * batch rows"): what the import must know about documents held in batches (which of the file's ids
 * are stored there, their titles and span ids, where library order and batch numbers continue), and
 * the writing of a file's new documents as batch rows plus their `batchIndex` rows. All of it runs
 * inside the import's one transaction.
 */

const batches = (db: MarginaliaDb): Table<BatchRow, number> => db.table('batches');
const batchIndex = (db: MarginaliaDb): Table<BatchIndexRow, [string, number]> => db.table('batchIndex');
const batchHeads = (db: MarginaliaDb): Table<BatchHead, number> => db.table('batchHeads');

/** Above this many prefixes one read of the whole index beats a range read per prefix (256 at most). */
const WHOLE_INDEX_PREFIXES = 32;

/** Which of `ids` some batch holds (shadowed or not: a `documents` row is checked by the caller). */
export async function idsInBatches(db: MarginaliaDb, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (ids.length === 0 || batchTables(db).length === 0) return out;
  // A library without batches (a first import) holds none: no grouping of 100,000 ids by prefix.
  if ((await batchIndex(db).limit(1).primaryKeys()).length === 0) return out;
  const byPrefix = new Map<string, string[]>();
  for (const id of ids) {
    const p = prefixOf(id);
    const list = byPrefix.get(p);
    if (list) list.push(id);
    else byPrefix.set(p, [id]);
  }
  const rowsOf = new Map<string, BatchIndexRow[]>();
  if (byPrefix.size > WHOLE_INDEX_PREFIXES) {
    for (const row of await batchIndex(db).toArray()) {
      const list = rowsOf.get(row.prefix);
      if (list) list.push(row);
      else rowsOf.set(row.prefix, [row]);
    }
  } else {
    for (const p of byPrefix.keys())
      rowsOf.set(
        p,
        await batchIndex(db).where('[prefix+n0]').between([p, -Infinity], [p, Infinity]).toArray(),
      );
  }
  for (const [p, list] of byPrefix) {
    const rows = rowsOf.get(p) ?? [];
    if (rows.length > 0) for (const id of list) if (batchOf(rows, id) !== undefined) out.add(id);
  }
  return out;
}

/** Where the next bulk write continues: the next batch number and the order after the last batch entry. */
export async function batchesEnd(db: MarginaliaDb): Promise<{ n: number; order: number }> {
  if (batchTables(db).length === 0) return { n: 0, order: 0 };
  const last = await batches(db).orderBy(':id').last();
  if (!last) return { n: 0, order: 0 };
  // Batches follow library order, so the last row's last entry has the highest order of any batch.
  return { n: last.n + 1, order: (last.orders[last.orders.length - 1] ?? -1) + 1 };
}

/**
 * What the import reads of the documents living in batch rows (entries without a `documents` row):
 * their ids and titles whose title is in `titles` (for "same title, other text"), and every span id
 * they hold (span ids are unique across the database). Reads every batch row, one at a time.
 */
export async function unshadowedFacts(
  db: MarginaliaDb,
  shadowed: (id: string) => boolean,
  want: { titles?: ReadonlySet<string>; spanIds?: boolean },
): Promise<{ titled: { id: string; title: string }[]; spanIds: string[] }> {
  const titled: { id: string; title: string }[] = [];
  const spanIds: string[] = [];
  if (batchTables(db).length === 0) return { titled, spanIds };
  await batches(db).each((row) => {
    const live = row.ids.map((id) => !shadowed(id));
    if (want.titles)
      row.ids.forEach((id, j) => {
        const title = row.titles[j] as string;
        if (live[j] && want.titles?.has(title)) titled.push({ id, title });
      });
    if (want.spanIds)
      for (const set of row.spans) {
        const { ids, idLengths } = set.pack;
        let at = 0;
        let j = 0;
        for (let k = 0; k < set.pack.n; k++) {
          while (k >= (set.docStart[j + 1] as number)) j++;
          const len = idLengths[k] as number;
          if (live[j]) spanIds.push(ids.slice(at, at + len));
          at += len;
        }
      }
  });
  return { titled, spanIds };
}

/** Batch rows added per bulkAdd: ~5,000 documents, so the worker reports progress between them. */
const ROWS_PER_WRITE = 20;

/**
 * Writes `entries` (new documents in library order, each with its spans and statuses) as batch rows
 * numbered from `n0`, each with its head (`batchHeads`), then their `batchIndex` rows. A batch the columns cannot keep exactly
 * (encodeBatch: null) is split: its entries that fit alone stay in a batch, the others are returned
 * for the caller to store per document, as today. Returns the entries not written.
 */
export async function addInBatches(
  db: MarginaliaDb,
  entries: readonly BatchEntry[],
  n0: number,
  onProgress: (fraction: number) => void,
): Promise<BatchEntry[]> {
  const refused: BatchEntry[] = [];
  const written: { n: number; ids: string[] }[] = [];
  const groups = groupIntoBatches(entries);
  let n = n0;
  // One write in flight while the next is encoded: the worker builds write k+1 while the database
  // stores write k, instead of waiting for each acknowledgement with nothing to do.
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < groups.length; i += ROWS_PER_WRITE) {
    const rows: BatchRow[] = [];
    for (const group of groups.slice(i, i + ROWS_PER_WRITE)) {
      let row = encodeBatch(n, group);
      if (!row) {
        const fits = group.filter((e) => encodeBatch(n, [e]) !== null);
        row = fits.length > 0 ? encodeBatch(n, fits) : null;
        const kept = new Set<BatchEntry>(row ? fits : []);
        for (const e of group) if (!kept.has(e)) refused.push(e);
      }
      if (row) {
        rows.push(row);
        n++;
      }
    }
    const write = Promise.all([batches(db).bulkAdd(rows), batchHeads(db).bulkAdd(rows.map(batchHeadOf))]);
    // Observed here too, so a failure while the previous write is awaited is not also reported unhandled.
    void write.catch(() => undefined);
    await inFlight;
    onProgress(i / groups.length);
    inFlight = write;
    for (const r of rows) written.push({ n: r.n, ids: r.ids });
  }
  // The index rows are built and sent while the last write is stored.
  const index = written.length > 0 ? batchIndex(db).bulkAdd(batchIndexRows(written)) : null;
  await Promise.all([inFlight, index]);
  onProgress(1);
  return refused;
}
