import type { Table } from 'dexie';

import type { ExportDataset } from '../../core/formats/export-types';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import type { MarginaliaDb } from '../database';
import type { DocumentRow } from '../rows';
import type { BatchRow } from '../batch-rows';
import { assembleExportPage, withBatchRows } from '../corpus/export-page';
import { batchSetRows, batchTables } from '../corpus/sets';
import { readExportPage } from './export-dataset';
import { statusTables } from './progress';

/** Documents per page: ~1–2 MB of records for news articles, few enough requests to be fast. */
export const EXPORT_PAGE_DOCUMENTS = 500;

/**
 * Batch rows read per transaction (~250 KB each for short articles × 3 annotators), with one
 * `documents` range read for all of them. At 100,000 articles a request per batch row and two per
 * page for `documents` were most of the export's reading: each is a round trip to the browser's
 * store (~3–15 ms on a loaded machine) however little it returns.
 */
const BATCHES_PER_READ = 8;

/** Reads (of BATCHES_PER_READ batch rows each) made ahead of the pages the caller holds. */
const GROUPS_AHEAD = 2;

/**
 * Where a page walk is: the last `order` paged, the batch rows read and not yet paged (in order;
 * never rewritten, so they may be paged in a later transaction than the one that read them), and
 * the last batch number read.
 */
interface Walk {
  after: number | null;
  batches: BatchRow[];
  lastBatch: number;
}

const lastOrder = (batch: BatchRow): number => batch.orders[batch.orders.length - 1]!;

/**
 * A page as read: its dataset, or a batch row none of whose entries a `documents` row shadows,
 * when no gold is asked for (gold's rows are per document): then nothing else of the store belongs
 * to the page, and a reader may use the row's columns as they are (db/corpus/native-batch.ts).
 */
export type ExportPagePart = { readonly dataset: ExportDataset } | { readonly batch: BatchRow };

/** A whole batch row's page as the dataset readExportPage gives for it (no rows inside, no gold). */
export const batchPage = (
  row: BatchRow,
  annotators: readonly string[],
  includeUntouched: boolean,
): ExportDataset => {
  const entries = batchSetRows(row, () => true, annotators);
  const rows = withBatchRows({ documents: [], spans: [], statuses: [] }, entries);
  return assembleExportPage(rows, annotators, includeUntouched);
};

/**
 * The next pages in library order, read in one transaction. One `order` range read of `documents`
 * up to the last order of the batch rows read answers both questions: the per-document documents
 * before the first batch (a page of them, up to `size` plus every row sharing the page's last
 * `order`, so a tie is never split), else the rows between and inside the batches — a batch holds
 * consecutive orders, and a `documents` row shadowing one of its entries has the entry's `order`
 * (materialize copies it; nothing changes an order). Then each batch is a page of its unshadowed
 * entries and the rows inside its range, after a page of the rows before it, if any: no request
 * per document. Empty at the end of the library.
 */
async function nextPages(
  db: MarginaliaDb,
  walk: Walk,
  annotators: readonly string[],
  includeUntouched: boolean,
  size: number,
): Promise<ExportPagePart[]> {
  // Inline, not a helper: awaiting a promise that is not Dexie's here would lose the transaction.
  // Read again once every batch read is paged: an import during the export may have added some.
  if (walk.batches.length === 0) {
    const table = batchTables(db).find((t) => t.name === 'batches') as Table<BatchRow, number> | undefined;
    const read = table
      ? await table.where(':id').above(walk.lastBatch).limit(BATCHES_PER_READ).toArray()
      : [];
    walk.batches = read;
    walk.lastBatch = read[read.length - 1]?.n ?? walk.lastBatch;
  }
  const first = walk.batches[0];
  const lo = first ? first.orders[0]! : Infinity;
  const hi = first ? lastOrder(walk.batches[walk.batches.length - 1]!) : Infinity;
  const inRange = (from: number, includeFrom: boolean, to: number) =>
    db.documents.where('order').between(from, to, includeFrom, true);
  const rows = await inRange(walk.after ?? -Infinity, walk.after === null, hi)
    .limit(size)
    .toArray();
  let before: DocumentRow[] = rows.filter((r) => r.order < lo);
  if (before.length > 0 || !first) {
    const last = before[before.length - 1];
    if (!last) return [];
    // A full page of rows before the batch may end inside a tie: take the tie whole.
    if (before.length === size) {
      const ties = await db.documents.where('order').equals(last.order).toArray();
      before = [...before.filter((r) => r.order !== last.order), ...ties];
    }
    walk.after = last.order;
    return [{ dataset: await readExportPage(db, before, annotators, includeUntouched) }];
  }
  // The limit may have cut the rows short: then one batch only, with every row inside its range.
  const whole = rows.length < size;
  const batches = whole ? walk.batches : [first];
  const own = whole ? rows : await inRange(lo, true, lastOrder(first)).toArray();
  const pages: ExportPagePart[] = [];
  const gold = annotators.includes(GOLD_ANNOTATOR);
  for (const batch of batches) {
    const [from, to] = [batch.orders[0]!, lastOrder(batch)];
    const gap = own.filter((r) => (walk.after === null || r.order > walk.after) && r.order < from);
    if (gap.length > 0) pages.push({ dataset: await readExportPage(db, gap, annotators, includeUntouched) });
    const inside = own.filter((r) => r.order >= from && r.order <= to);
    walk.after = to;
    if (inside.length === 0 && !gold) {
      pages.push({ batch });
      continue;
    }
    const shadowed = new Set(inside.map((r) => r.id));
    const entries = batchSetRows(batch, (id) => !shadowed.has(id), annotators);
    pages.push({ dataset: await readExportPage(db, inside, annotators, includeUntouched, entries) });
  }
  walk.batches = walk.batches.slice(batches.length);
  return pages;
}

/**
 * Every document of the library in library order with the chosen annotators' sets, one page at a
 * time, never the whole library at once: memory stays bounded by a few pages, whatever the library's
 * size. Documents held in batch rows (issue 20) come a batch per page. Pages are read a group at a
 * time (the per-document page before a batch, or up to BATCHES_PER_READ batches) in one transaction,
 * so each group is a consistent snapshot; edits made while a long export runs show in the pages
 * read after them. A page is a dataset, or a batch row as it is stored (ExportPagePart).
 */
export async function* exportPageParts(
  db: MarginaliaDb,
  annotators: readonly string[],
  includeUntouched: boolean,
  size = EXPORT_PAGE_DOCUMENTS,
): AsyncGenerator<ExportPagePart> {
  const tables = [db.documents, db.texts, db.spans, db.goldSpans, ...statusTables(db), ...batchTables(db)];
  const walk: Walk = { after: null, batches: [], lastBatch: -Infinity };
  // Reads run one after another (each continues the walk), GROUPS_AHEAD of them ahead of the
  // caller: reading (a round trip to the browser's store) overlaps the caller's serializing.
  let previous: Promise<unknown> = Promise.resolve();
  const ahead: Promise<ExportPagePart[]>[] = [];
  const read = () => {
    const pages = previous.then(() =>
      db.transaction('r', tables, () => nextPages(db, walk, annotators, includeUntouched, size)),
    );
    // A reader that stops early (Cancel, a failed write) must not leave a rejection unhandled.
    pages.catch(() => undefined);
    previous = pages.catch(() => undefined);
    ahead.push(pages);
  };
  for (let i = 0; i < GROUPS_AHEAD; i++) read();
  try {
    for (;;) {
      const pages = await ahead.shift()!;
      if (pages.length === 0) return;
      read();
      yield* pages;
    }
  } finally {
    // The walk's end, a Cancel or a failed write leaves reads in flight: they end before the caller
    // goes on, so no transaction of this export outlives it (one did, and a read the caller made
    // next failed with PrematureCommitError in fake-indexeddb: import-equivalence's logical view).
    await Promise.allSettled(ahead);
  }
}

/** The pages of exportPageParts, each as a dataset. */
export async function* exportPages(
  db: MarginaliaDb,
  annotators: readonly string[],
  includeUntouched: boolean,
  size = EXPORT_PAGE_DOCUMENTS,
): AsyncGenerator<ExportDataset> {
  for await (const part of exportPageParts(db, annotators, includeUntouched, size))
    yield 'batch' in part ? batchPage(part.batch, annotators, includeUntouched) : part.dataset;
}
