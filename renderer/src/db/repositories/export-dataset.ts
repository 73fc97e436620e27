import Dexie from 'dexie';

import type { ExportDataset } from '../../core/formats/export-types';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { assembleExportPage, withBatchRows, type ExportPageRows } from '../corpus/export-page';
import { batchTables, unshadowedSetRows, type BatchSetRows } from '../corpus/sets';
import type { MarginaliaDb } from '../database';
import {
  goldRowAsSpanRow,
  goldStatusAsProgressRow,
  type DocumentRow,
  type GoldSpanRow,
  type GoldStatusRow,
  type ProgressRow,
  type SpanRow,
  type TextRow,
} from '../rows';
import { listParticipants } from './agreement';
import { statusTables } from './progress';

/** Every annotator with spans or a status in the database (gold included), sorted. */
export async function listAnnotators(db: MarginaliaDb): Promise<string[]> {
  return (await listParticipants(db)).sort();
}

/** `source[method](key)` for every key, in parallel; resolves with the results in key order. */
function getEach<T>(
  source: IDBObjectStore | IDBIndex,
  keys: readonly (string | IDBKeyRange)[],
  method: 'get' | 'getAll',
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out = new Array<T>(keys.length);
    let left = keys.length;
    if (left === 0) resolve(out);
    keys.forEach((key, i) => {
      const req = source[method](key);
      req.onsuccess = () => {
        out[i] = req.result as T;
        if (--left === 0) resolve(out);
      };
      req.onerror = () => reject(req.error);
    });
  });
}

/** Every `[docId+annotator]` key of one document (the compound index's first part answers it). */
const ofDocument = (docId: string): IDBKeyRange => IDBKeyRange.bound([docId], [docId, []]);

/**
 * The documents of `rows` (per-document rows) with their texts, and span and status rows, read with
 * one request per document and table (not two per document and annotator, one after another); gold's
 * also for the documents of `batch` (entries of batch rows, already decoded), whose rows join them in
 * library order. Must run inside a read transaction on documents, texts, spans, goldSpans and the
 * status tables (progress.ts). An annotator's set is included for a document when they have spans or
 * a status there — or always with `includeUntouched` (assembleExportPage).
 */
export async function readExportPage(
  db: MarginaliaDb,
  rows: readonly DocumentRow[],
  annotators: readonly string[],
  includeUntouched: boolean,
  batch: BatchSetRows | null = null,
): Promise<ExportDataset> {
  const ids = rows.map((r) => r.id);
  // One native request per document and table, all in flight at once, answered by one callback each:
  // Dexie's anyOf() walks a cursor (one round trip per row: ~1.8 ms per document of 3 annotators in
  // Chromium) and a Dexie query per document costs a promise chain per request (~0.5 ms per document).
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) throw new Error('readExportPage must run inside a transaction');
  const goldIds = annotators.includes(GOLD_ANNOTATOR)
    ? [...ids, ...(batch?.documents.map((d) => d.document.id) ?? [])]
    : [];
  const [texts, spanLists, progressLists, goldLists, goldStatuses] = await Promise.all([
    getEach<TextRow | undefined>(trans.objectStore('texts'), ids, 'get'),
    getEach<SpanRow[]>(trans.objectStore('spans').index('[docId+annotator]'), ids.map(ofDocument), 'getAll'),
    getEach<ProgressRow[]>(trans.objectStore('progress'), ids.map(ofDocument), 'getAll'),
    getEach<GoldSpanRow[]>(trans.objectStore('goldSpans').index('docId'), goldIds, 'getAll'),
    getEach<GoldStatusRow | undefined>(trans.objectStore('goldStatus'), goldIds, 'get'),
  ]);
  const own: ExportPageRows = {
    documents: rows.map((document, i) => {
      const t = texts[i];
      if (!t) throw new Error(`The text of "${document.title}" is missing from the database.`);
      return { document, text: t.text };
    }),
    spans: [...spanLists.flat(), ...goldLists.flat().map(goldRowAsSpanRow)],
    statuses: [
      ...progressLists.flat(),
      ...goldStatuses.flatMap((r) => (r ? [goldStatusAsProgressRow(r)] : [])),
    ],
  };
  return assembleExportPage(withBatchRows(own, batch), annotators, includeUntouched);
}

/**
 * The documents (all when `docIds` is null, in library order) and the chosen annotators' sets,
 * read in one transaction so the export is a consistent snapshot. For a whole library, the paged
 * reader (export-pages.ts) reads the same in bounded pages.
 */
export async function loadExportDataset(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  annotators: readonly string[],
  includeUntouched = false,
): Promise<ExportDataset> {
  const tables = [db.documents, db.texts, db.spans, db.goldSpans, ...statusTables(db), db.links];
  return db.transaction('r', [...tables, ...batchTables(db)], async () => {
    const all = await db.documents.orderBy('order').toArray();
    const wanted = docIds ? new Set(docIds) : null;
    const rows = wanted ? all.filter((d) => wanted.has(d.id)) : all;
    // Documents still in batch rows (issue 20) join them in library order, as if they were rows.
    const batch = await unshadowedSetRows(db, docIds, annotators);
    const page = await readExportPage(db, rows, annotators, includeUntouched, batch);
    // The chosen annotators' links with both ends in the exported documents (their spans are).
    const inExport = new Set(page.documents.map((d) => d.id));
    const who = new Set(annotators);
    const links = (await db.links.toArray()).filter(
      (l) => who.has(l.annotator) && inExport.has(l.from.docId) && inExport.has(l.to.docId),
    );
    return links.length > 0 ? { ...page, links } : page;
  });
}
