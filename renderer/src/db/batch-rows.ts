import { NATIVE_SPAN_FIELDS } from '../core/backup/backup-rules';
import { documentLength } from '../core/model/document';
import { compareSpans } from '../core/model/span';
import { STATUSES } from '../core/model/status';
import type { DocumentRow, ProgressRow, SpanRow } from './rows';
import { documentToRow, spanToRow } from './rows';
import { decodeSpanPack, encodeSpanPack, type SpanPack } from './span-pack';

/**
 * A `batches` row (issue 20, docs/architecture.md "Corpus storage in batch rows"): up to
 * BATCH_MAX_DOCUMENTS consecutive documents of the library with their texts, spans and statuses,
 * written once by a bulk writer and never rewritten. Why this shape: Chromium's IndexedDB costs
 * ~0.1 ms per request and ~20-40 µs per index entry, so one row per document and table made a
 * 100,000-line import ~44 s where these rows take ~0.9 s; and reading a row costs per object in it,
 * so the documents' fields and the spans are column-wise (a few arrays per batch, not objects per
 * document): one document opens from its batch in ~0.8 ms (bench/shape-probe.mjs).
 */
export interface BatchRow {
  /** The batch's number; batches follow library order. */
  n: number;
  format: number;
  ids: string[];
  titles: string[];
  sources: string[];
  metas: Record<string, unknown>[];
  texts: string[];
  /** `order` and `addedAt` of each document (lengths are the texts' own). */
  orders: Float64Array;
  addedAt: Float64Array;
  spans: BatchSpans[];
  statuses: BatchStatuses[];
}

/** One annotator's spans on the batch's documents: document j's are [docStart[j], docStart[j+1]). */
export interface BatchSpans {
  annotator: string;
  docStart: Uint32Array;
  /** Every span of the batch, each document's in `compareSpans` order. */
  pack: SpanPack;
  updatedAt: Float64Array;
}

/** One annotator's statuses: 0 = no row, k = STATUSES[k - 1]. */
export interface BatchStatuses {
  annotator: string;
  status: Uint8Array;
  updatedAt: Float64Array;
}

/** One document as the per-document tables would hold it. */
export interface BatchEntry {
  document: DocumentRow;
  text: string;
  spans: SpanRow[];
  statuses: ProgressRow[];
}

export const BATCH_FORMAT = 1;
/** 256 documents or 1 MB of text, whichever first (one long article makes a batch of its own). */
export const BATCH_MAX_DOCUMENTS = 256;
export const BATCH_MAX_TEXT_UNITS = 1 << 20;

/** Consecutive groups of entries, each within the batch limits. */
export function groupIntoBatches<T extends { text: string }>(entries: readonly T[]): T[][] {
  const out: T[][] = [];
  let group: T[] = [];
  let units = 0;
  for (const e of entries) {
    const full = group.length >= BATCH_MAX_DOCUMENTS || units + e.text.length > BATCH_MAX_TEXT_UNITS;
    if (group.length > 0 && full) {
      out.push(group);
      group = [];
      units = 0;
    }
    group.push(e);
    units += e.text.length;
  }
  if (group.length > 0) out.push(group);
  return out;
}

/** `Float64Array.from(list, f)` as a loop: the iterator protocol cost more than the copy. */
export function numbers<T>(list: readonly T[], f: (x: T) => number): Float64Array {
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = f(list[i] as T);
  return out;
}

/** Whether rows are already in `compareSpans` order (an import's sets are): then no sort. */
const inOrder = (rows: readonly SpanRow[]): boolean =>
  rows.every((r, i) => i === 0 || compareSpans(rows[i - 1]!, r) <= 0);

function encodeSpans(entries: readonly BatchEntry[], annotator: string): BatchSpans | null {
  const docStart = new Uint32Array(entries.length + 1);
  const rows: SpanRow[] = [];
  entries.forEach((e, j) => {
    const mine = e.spans.filter((s) => s.annotator === annotator);
    if (!inOrder(mine)) mine.sort(compareSpans);
    for (const r of mine) rows.push(r);
    docStart[j + 1] = rows.length;
  });
  // A row has a span's fields (and more, which packing ignores): no copy into Span objects.
  const pack = encodeSpanPack(rows);
  if (!pack) return null;
  return { annotator, docStart, pack, updatedAt: numbers(rows, (r) => r.updatedAt) };
}

function encodeStatuses(entries: readonly BatchEntry[], annotator: string): BatchStatuses {
  const status = new Uint8Array(entries.length);
  const updatedAt = new Float64Array(entries.length);
  entries.forEach((e, j) => {
    const row = e.statuses.find((p) => p.annotator === annotator);
    if (!row) return;
    status[j] = STATUSES.indexOf(row.status) + 1;
    updatedAt[j] = row.updatedAt;
  });
  return { annotator, status, updatedAt };
}

const DOCUMENT_FIELDS = ['id', 'title', 'length', 'source', 'meta', 'order', 'addedAt'];
const sameKeys = (o: object, keys: readonly string[]) =>
  Object.keys(o).length === keys.length && keys.every((k) => k in o);

const isSpanRowOf = (id: string) => (s: SpanRow) => {
  if (s.docId !== id || typeof s.updatedAt !== 'number' || !(s.unsure === undefined || s.unsure === true))
    return false;
  for (const k in s) if (!NATIVE_SPAN_FIELDS.has(k)) return false;
  return true;
};

/** The columns keep exactly a DocumentRow, SpanRow's fields (`unsure` only when set) and the known statuses. */
function fitsBatch({ document: d, text, spans, statuses }: BatchEntry): boolean {
  return (
    sameKeys(d, DOCUMENT_FIELDS) &&
    d.length === documentLength(text) &&
    typeof d.length === 'number' &&
    typeof d.order === 'number' &&
    typeof d.addedAt === 'number' &&
    spans.every(isSpanRowOf(d.id)) &&
    statuses.every(
      (p) =>
        p.docId === d.id &&
        typeof p.updatedAt === 'number' &&
        sameKeys(p, ['docId', 'annotator', 'status', 'updatedAt']) &&
        STATUSES.includes(p.status),
    )
  );
}

/**
 * The batch row of some documents, or null when one of them holds something the columns cannot
 * keep exactly (a span field beyond SpanRow's, an offset that is not a uint32, an unknown label or
 * status): the writer then stores those documents per document, as today.
 */
export function encodeBatch(n: number, entries: readonly BatchEntry[]): BatchRow | null {
  if (!entries.every(fitsBatch)) return null;
  const annotators = (rows: readonly { annotator: string }[]) => [...new Set(rows.map((r) => r.annotator))];
  const spans: BatchSpans[] = [];
  for (const a of annotators(entries.flatMap((e) => e.spans))) {
    const set = encodeSpans(entries, a);
    if (!set) return null;
    spans.push(set);
  }
  const docs = entries.map((e) => e.document);
  return {
    n,
    format: BATCH_FORMAT,
    ids: docs.map((d) => d.id),
    titles: docs.map((d) => d.title),
    sources: docs.map((d) => d.source),
    metas: docs.map((d) => d.meta),
    texts: entries.map((e) => e.text),
    orders: numbers(docs, (d) => d.order),
    addedAt: numbers(docs, (d) => d.addedAt),
    spans,
    statuses: annotators(entries.flatMap((e) => e.statuses)).map((a) => encodeStatuses(entries, a)),
  };
}

/** Document j's spans of one annotator as a span pack of their own (views, nothing copied but strings). */
export function batchPackOf(row: BatchRow, j: number, annotator: string): SpanPack | null {
  const set = row.spans.find((s) => s.annotator === annotator);
  if (!set) return null;
  const from = set.docStart[j] as number;
  const to = set.docStart[j + 1] as number;
  const { pack } = set;
  const sum = (a: Uint32Array, end: number) => a.subarray(0, end).reduce((x, y) => x + y, 0);
  const idAt = sum(pack.idLengths, from);
  const noteAt = sum(pack.noteLengths, from);
  const idLengths = pack.idLengths.subarray(from, to);
  const noteLengths = pack.noteLengths.subarray(from, to);
  return {
    format: pack.format,
    n: to - from,
    starts: pack.starts.subarray(from, to),
    ends: pack.ends.subarray(from, to),
    labels: pack.labels.subarray(from, to),
    unsure: pack.unsure.subarray(from, to),
    ids: pack.ids.slice(idAt, idAt + idLengths.reduce((x, y) => x + y, 0)),
    idLengths,
    notes: pack.notes.slice(noteAt, noteAt + noteLengths.reduce((x, y) => x + y, 0)),
    noteLengths,
  };
}

/** Document j of a batch exactly as the per-document tables would hold it; null if the row is damaged. */
export function decodeBatchEntry(row: BatchRow, j: number): BatchEntry | null {
  if (row.format !== BATCH_FORMAT || !(j >= 0 && j < row.ids.length)) return null;
  const id = row.ids[j] as string;
  const text = row.texts[j] as string;
  const fields = { id, title: row.titles[j] as string, text, source: row.sources[j] as string };
  // Built where every document row is (its length from the text: encodeBatch checked it equal).
  const document = documentToRow(
    { ...fields, meta: row.metas[j] as Record<string, unknown> },
    row.orders[j] as number,
    row.addedAt[j] as number,
  );
  const spans: SpanRow[] = [];
  for (const set of row.spans) {
    const pack = batchPackOf(row, j, set.annotator);
    const decoded = pack && decodeSpanPack(pack);
    if (!decoded) return null;
    const from = set.docStart[j] as number;
    decoded.forEach((s, k) => spans.push(spanToRow(s, id, set.annotator, set.updatedAt[from + k] as number)));
  }
  const statuses: ProgressRow[] = [];
  for (const s of row.statuses) {
    const k = s.status[j] as number;
    const status = STATUSES[k - 1];
    if (k === 0) continue;
    if (!status) return null;
    statuses.push({ docId: id, annotator: s.annotator, status, updatedAt: s.updatedAt[j] as number });
  }
  return { document, text, spans, statuses };
}
