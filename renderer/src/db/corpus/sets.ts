import type { Table } from 'dexie';

import { LABELS, type Label } from '../../core/model/labels';
import { STATUSES } from '../../core/model/status';
import type { Span } from '../../core/model/span';
import { batchOf, prefixOf, type BatchIndexRow } from '../batch-index';
import { BATCH_FORMAT, type BatchRow } from '../batch-rows';
import { spanToRow, type DocumentRow, type ProgressRow, type SpanRow } from '../rows';
import { decodeSpanPack, isWholePack } from '../span-pack';
import type { MarginaliaDb } from '../database';
import { batchDocumentRow, forEachBatch } from './library-batches';

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
  for (const j of kept) out.documents.push({ document: batchDocumentRow(row, j), text: row.texts[j]! });
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
 * Calls `visit` for each batch row holding unshadowed entries among `docIds` (null: every
 * document), with which of its entries those are; `onProgress` after each row of a whole walk.
 * Inside a read transaction that includes `documents` and `batchTables(db)`.
 */
async function forEachUnshadowed(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  visit: (row: BatchRow, keep: (id: string, j: number) => boolean) => void,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  if (docIds === null) {
    const total = onProgress ? ((await batchesOf(db)?.count()) ?? 0) : 0;
    let done = 0;
    return forEachBatch(db, (row, shadowed) => {
      visit(row, (id) => !shadowed(id));
      onProgress?.(++done / total);
    });
  }
  const byRow = new Map<BatchRow, Set<number>>();
  for (const { row, j } of (await batchEntriesOf(db, docIds)).values())
    byRow.set(row, (byRow.get(row) ?? new Set()).add(j));
  for (const [row, js] of byRow) visit(row, (_, j) => js.has(j));
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
  await forEachUnshadowed(db, docIds, (row, keep) => parts.push(batchSetRows(row, keep, annotators)));
  return concatSetRows(parts);
}

/** One annotator's set on a batch entry as agreement reads it: offsets and labels only. */
export interface BatchSet {
  readonly docId: string;
  readonly annotator: string;
  readonly spans: { start: number; end: number; label: Label }[];
}

/**
 * `unshadowedSetRows` for agreement: a set per (entry, annotator) with a span or a status, built
 * from the pack columns straight away. Making a row (id, note, updatedAt) for each of 1.5 million
 * spans and sorting them into index order took ~2.5 s of a 10,000-article read; agreement needs
 * neither, and no order of sets or of a set's spans. Documents in library order, with a set each.
 */
export async function unshadowedSets(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  annotators: readonly string[],
  /** Fractions of the batch rows read, when every document is read (a keyed read is short). */
  onProgress?: (fraction: number) => void,
): Promise<{ documents: BatchSetRows['documents']; sets: BatchSet[] }> {
  const documents: BatchSetRows['documents'] = [];
  const sets: BatchSet[] = [];
  await forEachUnshadowed(
    db,
    docIds,
    (row, keep) => {
      if (row.format !== BATCH_FORMAT) throw damaged(row);
      const kept = row.ids.flatMap((id, j) => (keep(id, j) ? [j] : []));
      const setsOf = kept.map(() => new Map<string, BatchSet>());
      const setOf = (i: number, annotator: string): BatchSet => {
        const j = kept[i]!;
        const at = setsOf[i]!;
        let set = at.get(annotator);
        if (!set) at.set(annotator, (set = { docId: row.ids[j]!, annotator, spans: [] }));
        return set;
      };
      for (const s of row.statuses) {
        if (!annotators.includes(s.annotator)) continue;
        kept.forEach((j, i) => {
          if (s.status[j]! > STATUSES.length) throw damaged(row);
          if (s.status[j] !== 0) setOf(i, s.annotator);
        });
      }
      for (const { annotator, pack, docStart } of row.spans) {
        if (!annotators.includes(annotator) || kept.length === 0) continue;
        if (!isWholePack(pack) || docStart.length !== row.ids.length + 1) throw damaged(row);
        kept.forEach((j, i) => {
          const from = docStart[j]!;
          const to = docStart[j + 1]!;
          if (to > pack.n || from > to) throw damaged(row);
          if (from === to) return;
          const out = setOf(i, annotator).spans;
          for (let k = from; k < to; k++) {
            const label = LABELS[pack.labels[k]!];
            if (label === undefined) throw damaged(row);
            out.push({ start: pack.starts[k]!, end: pack.ends[k]!, label });
          }
        });
      }
      kept.forEach((j, i) => {
        if (setsOf[i]!.size === 0) return;
        documents.push({ document: batchDocumentRow(row, j), text: row.texts[j]! });
        sets.push(...setsOf[i]!.values());
      });
    },
    onProgress,
  );
  return { documents, sets };
}
