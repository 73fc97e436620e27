/**
 * Issue 20's storage shape at import scale, before the import uses it: the prepared file parsed and
 * validated by the app's own parser, its documents, texts, spans and statuses encoded by the app's
 * batch codec (db/batch-rows.ts, db/batch-index.ts) and written in one strict transaction of a
 * scratch database holding only `batches` and `batchIndex`. What the import's storing would cost
 * in that shape, beside the floor and today's import of the same file in the same run. Runs on the
 * page's thread (the app parses and stores in its import worker), so no longest-task figure here.
 */
import { parseImportFile } from '../../renderer/src/core/formats/import';
import { batchIndexRows } from '../../renderer/src/db/batch-index';
import { encodeBatch, groupIntoBatches, type BatchEntry } from '../../renderer/src/db/batch-rows';
import { documentToRow, spanToRow } from '../../renderer/src/db/rows';
import { preparedBytes } from './jobs';

const NAME = 'marginalia-bench-import-batch';

const deleted = () =>
  new Promise((r) => {
    const req = indexedDB.deleteDatabase(NAME);
    req.onsuccess = req.onerror = r;
  });

export async function importBatchJob(lines: number) {
  const bytes = preparedBytes(lines);
  await deleted();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('batches', { keyPath: 'n' });
      req.result.createObjectStore('batchIndex', { keyPath: ['prefix', 'n0'] });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  // A copy: the parser must not see bytes importJob will transfer to its worker afterwards.
  const file = parseImportFile({ name: 'bench.jsonl', bytes: bytes.slice(), options: {} });
  if (!file.ok) throw new Error(`import refused: ${JSON.stringify(file.errors.slice(0, 3))}`);
  const parseMs = performance.now() - t0;
  // As storeImport builds rows for a fresh database: every document new, "todo" needs no status row.
  const now = Date.now();
  const byId = new Map<string, BatchEntry>();
  file.documents.forEach((d, order) =>
    byId.set(d.id, { document: documentToRow(d, order, now), text: d.text, spans: [], statuses: [] }),
  );
  for (const set of file.annotations) {
    const e = byId.get(set.docId);
    const annotator = set.annotator ?? 'importer';
    if (!e) throw new Error(`no document ${set.docId}`);
    for (const s of set.spans) e.spans.push(spanToRow(s, set.docId, annotator, now));
    if (set.status && set.status !== 'todo')
      e.statuses.push({ docId: set.docId, annotator, status: set.status, updatedAt: now });
  }
  const groups = groupIntoBatches([...byId.values()]);
  const rows = groups.map((g, n) => {
    const row = encodeBatch(n, g);
    if (!row) throw new Error(`batch ${n} does not fit the columns`);
    return row;
  });
  const index = batchIndexRows(rows);
  const encodeMs = performance.now() - t0 - parseMs;
  const tx = db.transaction(['batches', 'batchIndex'], 'readwrite', { durability: 'strict' });
  for (const row of rows) tx.objectStore('batches').add(row);
  for (const r of index) tx.objectStore('batchIndex').add(r);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  await deleted();
  return { ms, parse_ms: parseMs, encode_ms: encodeMs, store_ms: ms - parseMs, batches: groups.length };
}
