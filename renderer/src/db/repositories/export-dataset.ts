import Dexie from 'dexie';

import { goldRecordMeta } from '../../core/formats/export-check';
import type { ExportAnnotationSet, ExportDataset } from '../../core/formats/export-types';
import type { ArticleDocument } from '../../core/model/document';
import { goldProvenanceMeta, GOLD_ANNOTATOR } from '../../core/model/gold';
import type { MarginaliaDb } from '../database';
import {
  rowToSpan,
  rowsToDocument,
  goldRowAsSpanRow,
  goldStatusAsProgressRow,
  type DocumentRow,
  type GoldSpanRow,
  type GoldStatusRow,
  type ProgressRow,
  type SpanRow,
  type TextRow,
} from '../rows';
import { rowToGold } from './adjudication';
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

const setKey = (docId: string, annotator: string): string => `${docId}\u0000${annotator}`;
const byId = (a: SpanRow, b: SpanRow): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The documents of `rows` with their texts and the chosen annotators' sets, read with one request per
 * document and table (not two per document and annotator, one after another). Must run
 * inside a read transaction on documents, texts, spans, goldSpans and the status tables (progress.ts). An annotator's set is included
 * for a document when they have spans or a status there — or always with `includeUntouched`, so an
 * annotator's own dataset lists every document (agreement treats a listed document as read).
 */
export async function readExportPage(
  db: MarginaliaDb,
  rows: readonly DocumentRow[],
  annotators: readonly string[],
  includeUntouched: boolean,
): Promise<ExportDataset> {
  const ids = rows.map((r) => r.id);
  // One native request per document and table, all in flight at once, answered by one callback each:
  // Dexie's anyOf() walks a cursor (one round trip per row: ~1.8 ms per document of 3 annotators in
  // Chromium) and a Dexie query per document costs a promise chain per request (~0.5 ms per document).
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) throw new Error('readExportPage must run inside a transaction');
  const withGold = annotators.includes(GOLD_ANNOTATOR);
  const [texts, spanLists, progressLists, goldLists, goldStatuses] = await Promise.all([
    getEach<TextRow | undefined>(trans.objectStore('texts'), ids, 'get'),
    getEach<SpanRow[]>(trans.objectStore('spans').index('[docId+annotator]'), ids.map(ofDocument), 'getAll'),
    getEach<ProgressRow[]>(trans.objectStore('progress'), ids.map(ofDocument), 'getAll'),
    getEach<GoldSpanRow[]>(trans.objectStore('goldSpans').index('docId'), withGold ? ids : [], 'getAll'),
    getEach<GoldStatusRow | undefined>(trans.objectStore('goldStatus'), withGold ? ids : [], 'get'),
  ]);
  const spanRows: SpanRow[] = [...spanLists.flat(), ...goldLists.flat().map(goldRowAsSpanRow)];
  const progressRows: ProgressRow[] = [
    ...progressLists.flat(),
    ...goldStatuses.flatMap((r) => (r ? [goldStatusAsProgressRow(r)] : [])),
  ];
  const documents: ArticleDocument[] = rows.map((r, i) => {
    const t = texts[i];
    if (!t) throw new Error(`The text of "${r.title}" is missing from the database.`);
    return rowsToDocument(r, t);
  });
  const wanted = new Set(annotators);
  const spansOf = new Map<string, SpanRow[]>();
  for (const s of spanRows) {
    if (!wanted.has(s.annotator)) continue;
    const k = setKey(s.docId, s.annotator);
    const list = spansOf.get(k);
    if (list) list.push(s);
    else spansOf.set(k, [s]);
  }
  const progressOf = new Map(progressRows.map((p) => [setKey(p.docId, p.annotator), p]));
  const sets: ExportAnnotationSet[] = [];
  for (const doc of documents) {
    for (const annotator of annotators) {
      const k = setKey(doc.id, annotator);
      // The [docId+annotator] index lists a set's rows by id; keep that order (gold meta follows it).
      const spans = (spansOf.get(k) ?? []).sort(byId);
      const progress = progressOf.get(k);
      if (spans.length === 0 && !progress && !includeUntouched) continue;
      const status = progress?.status ?? 'todo';
      if (annotator === GOLD_ANNOTATOR) {
        // Gold carries its provenance (who proposed, who decided, when, why) in the record's meta.
        const gold = (spans as GoldSpanRow[]).map(rowToGold);
        const recordMeta = goldRecordMeta(doc, goldProvenanceMeta(gold));
        sets.push({ docId: doc.id, annotator, status, spans: gold, recordMeta });
      } else sets.push({ docId: doc.id, annotator, status, spans: spans.map(rowToSpan) });
    }
  }
  return { documents, sets };
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
  return db.transaction('r', tables, async () => {
    const all = await db.documents.orderBy('order').toArray();
    const wanted = docIds ? new Set(docIds) : null;
    const rows = wanted ? all.filter((d) => wanted.has(d.id)) : all;
    const page = await readExportPage(db, rows, annotators, includeUntouched);
    // The chosen annotators' links with both ends in the exported documents (their spans are).
    const inExport = new Set(rows.map((r) => r.id));
    const who = new Set(annotators);
    const links = (await db.links.toArray()).filter(
      (l) => who.has(l.annotator) && inExport.has(l.from.docId) && inExport.has(l.to.docId),
    );
    return links.length > 0 ? { ...page, links } : page;
  });
}
