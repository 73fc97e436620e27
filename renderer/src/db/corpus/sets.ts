import type { Table } from 'dexie';

import { STATUSES } from '../../core/model/status';
import type { Span } from '../../core/model/span';
import { batchOf, prefixOf, type BatchIndexRow } from '../batch-index';
import { BATCH_FORMAT, type BatchRow } from '../batch-rows';
import { documentToRow, spanToRow, type DocumentRow, type ProgressRow, type SpanRow } from '../rows';
import { decodeSpanPack } from '../span-pack';
import type { MarginaliaDb } from '../database';
import { forEachBatch } from './library-batches';

export { batchTables } from './library-batches';

/*
 * Documents held in batch rows (issue 20, docs/architecture.md "Corpus storage in batch rows") as
 * the per-document rows they stand for, for the data-side readers (exports, agreement, team sync's
 * push, adjudication's reads). A `documents` row shadows a batch entry of the same id for ever
 * (copy-on-first-write), so every reader here skips shadowed entries.
 */

const batchesOf = (db: MarginaliaDb): Table<BatchRow, number> | undefined =>
  db.tables.find((t) => t.name === 'batches') as Table<BatchRow, number> | undefined;

/** Some batch entries' rows: documents (with their texts) and the chosen annotators' spans and statuses. */
export interface BatchSetRows {
  documents: { document: DocumentRow; text: string }[];
  spans: SpanRow[];
  statuses: ProgressRow[];
}

const damaged = (row: BatchRow): Error => new Error(`The stored batch ${row.n} is damaged.`);

/**
 * The entries j of `row` that `keep` accepts, with the spans and statuses of `annotators` (null:
 * everyone). Each annotator's pack is decoded once for the whole batch (slicing it per document
 * would sum the column prefixes again for every entry). Spans per document in `compareSpans` order.
 */
export function batchSetRows(
  row: BatchRow,
  keep: (id: string, j: number) => boolean,
  annotators: readonly string[] | null,
): BatchSetRows {
  if (row.format !== BATCH_FORMAT) throw damaged(row);
  const kept: number[] = [];
  row.ids.forEach((id, j) => {
    if (keep(id, j)) kept.push(j);
  });
  const out: BatchSetRows = { documents: [], spans: [], statuses: [] };
  const wanted = (a: string) => annotators === null || annotators.includes(a);
  for (const j of kept) {
    const fields = { id: row.ids[j]!, title: row.titles[j]!, text: row.texts[j]!, source: row.sources[j]! };
    const document = documentToRow({ ...fields, meta: row.metas[j]! }, row.orders[j]!, row.addedAt[j]!);
    out.documents.push({ document, text: fields.text });
  }
  for (const set of row.spans) {
    if (!wanted(set.annotator) || kept.length === 0) continue;
    const spans: Span[] | null = decodeSpanPack(set.pack);
    if (!spans || set.docStart.length !== row.ids.length + 1) throw damaged(row);
    for (const j of kept)
      for (let k = set.docStart[j]!; k < set.docStart[j + 1]!; k++) {
        const span = spans[k];
        if (!span) throw damaged(row);
        out.spans.push(spanToRow(span, row.ids[j]!, set.annotator, set.updatedAt[k]!));
      }
  }
  for (const s of row.statuses) {
    if (!wanted(s.annotator)) continue;
    for (const j of kept) {
      const k = s.status[j]!;
      if (k === 0) continue;
      const status = STATUSES[k - 1];
      if (!status) throw damaged(row);
      out.statuses.push({ docId: row.ids[j]!, annotator: s.annotator, status, updatedAt: s.updatedAt[j]! });
    }
  }
  return out;
}

/**
 * Where each of `ids` without a `documents` row lives in the batches: its row and position. One
 * range read per id prefix and one read per batch row, whatever the number of ids. Call inside a
 * read transaction that includes `documents` and `batchTables(db)`.
 */
export async function batchEntriesOf(
  db: MarginaliaDb,
  ids: readonly string[],
): Promise<Map<string, { row: BatchRow; j: number }>> {
  const out = new Map<string, { row: BatchRow; j: number }>();
  const batches = batchesOf(db);
  if (!batches || ids.length === 0 || (await batches.count()) === 0) return out;
  const docs = await db.table('documents').bulkGet([...ids]);
  const missing = ids.filter((_, i) => docs[i] === undefined);
  const byPrefix = new Map<string, string[]>();
  for (const id of missing) byPrefix.set(prefixOf(id), [...(byPrefix.get(prefixOf(id)) ?? []), id]);
  const index = db.table('batchIndex') as Table<BatchIndexRow, [string, number]>;
  const numberOf = new Map<string, number>();
  await Promise.all(
    [...byPrefix].map(async ([p, list]) => {
      const rows = await index.where('[prefix+n0]').between([p, -Infinity], [p, Infinity]).toArray();
      for (const id of list) {
        const n = batchOf(rows, id);
        if (n !== undefined) numberOf.set(id, n);
      }
    }),
  );
  const numbers = [...new Set(numberOf.values())];
  const rows = new Map((await batches.bulkGet(numbers)).map((r, i) => [numbers[i]!, r]));
  for (const [id, n] of numberOf) {
    const row = rows.get(n);
    const j = row ? row.ids.indexOf(id) : -1;
    if (row && j >= 0) out.set(id, { row, j });
  }
  return out;
}

/** Batch rows of several batches as one. */
function concatSetRows(parts: readonly BatchSetRows[]): BatchSetRows {
  return {
    documents: parts.flatMap((p) => p.documents),
    spans: parts.flatMap((p) => p.spans),
    statuses: parts.flatMap((p) => p.statuses),
  };
}

/**
 * The unshadowed batch entries among `docIds` (null: all of them) with the spans and statuses of
 * `annotators` (null: everyone): what the per-document tables would add for those documents if
 * the entries were rows. Call inside a read transaction that includes `documents` and
 * `batchTables(db)`.
 */
export async function unshadowedSetRows(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  annotators: readonly string[] | null,
): Promise<BatchSetRows> {
  const parts: BatchSetRows[] = [];
  if (docIds === null) {
    await forEachBatch(db, (row, shadowed) =>
      parts.push(batchSetRows(row, (id) => !shadowed(id), annotators)),
    );
    return concatSetRows(parts);
  }
  const byRow = new Map<BatchRow, Set<number>>();
  for (const { row, j } of (await batchEntriesOf(db, docIds)).values())
    byRow.set(row, (byRow.get(row) ?? new Set()).add(j));
  for (const [row, js] of byRow) parts.push(batchSetRows(row, (_, j) => js.has(j), annotators));
  return concatSetRows(parts);
}
