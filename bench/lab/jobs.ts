/**
 * The data-path figures: export, import and agreement, each through the same core and feature code
 * the app runs (native serializer; the import worker and the storing repository; computeAgreement in a
 * Worker), timed in the page.
 */
import { serializeNativeRecord, joinJsonl } from '../../renderer/src/core/formats/native';
import type { Span } from '../../renderer/src/core/model/span';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { openDatabase } from '../../renderer/src/db/database';
import { startImportJob } from '../../renderer/src/session/import/runImportWorker';
import { article, spans } from '../corpus';
import { longestTaskDuring } from './frame';

/** Export: `docs` articles of 10k code points × `perDoc` spans → one native JSONL body. */
export function exportJob(docs: number, perDoc: number): { spans: number; ms: number; bytes: number } {
  const records = Array.from({ length: docs }, (_, d) => {
    const text = article(10_000, 500 + d);
    const doc = { id: documentIdForText(text), title: `Export ${d}`, text, meta: { n: d } };
    const list: Span[] = spans(10_000, perDoc, 900 + d).map((s) => ({ ...s, note: '' }));
    return { document: doc, annotator: 'bench', status: 'todo' as const, spans: list };
  });
  const t0 = performance.now();
  const body = joinJsonl(records.map((r) => serializeNativeRecord(r)));
  const ms = performance.now() - t0;
  return { spans: docs * perDoc, ms, bytes: body.length };
}

/** A native JSONL file of `lines` short articles (one per line), each with two spans. */
function importFile(lines: number): Uint8Array {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const text = `${article(240, 7000 + (i % 997))} #${i}`;
    const doc = { id: documentIdForText(text), title: `Line ${i}`, text, meta: {} };
    const list: Span[] = spans(240, 2, i).map((s) => ({ ...s, note: '' }));
    out.push(serializeNativeRecord({ document: doc, annotator: 'importer', status: 'todo', spans: list }));
  }
  return new TextEncoder().encode(joinJsonl(out));
}

/**
 * Import as the app does it: the import worker parses, validates and stores in one transaction
 * into a scratch database. Reports the whole time and the longest main-thread task meanwhile.
 */
let prepared: { lines: number; bytes: Uint8Array } | null = null;

/**
 * Builds the file of the next `importJob` ahead of it. Generating 100,000 lines leaves ~270 MB of
 * garbage on this page's heap; collected during the import (the runner now forces a collection in
 * between), it showed in a trace as a 262 ms main-thread task, a cost of the generator that the
 * app, which reads a dropped file's bytes off the JS heap, never has.
 */
export function prepareImport(lines: number): number {
  prepared = { lines, bytes: importFile(lines) };
  return prepared.bytes.length;
}

/** The prepared file's bytes, for a job that reads them before importJob takes them. */
export function preparedBytes(lines: number): Uint8Array {
  if (prepared?.lines !== lines) throw new Error(`prepareImport(${lines}) must run first`);
  return prepared.bytes;
}

export async function importJob(lines: number, run: number) {
  if (prepared?.lines !== lines) throw new Error(`prepareImport(${lines}) must run first`);
  const { bytes } = prepared;
  prepared = null;
  const db = await openDatabase(`marginalia-bench-import-${run}`);
  const t0 = performance.now();
  let parseMs = 0;
  const { value, longest } = await longestTaskDuring(async () => {
    const job = startImportJob([{ name: 'bench.jsonl', bytes }], {}, db.name, () => undefined);
    const [summary] = await job.parsed;
    parseMs = performance.now() - t0;
    if (!summary?.ok) throw new Error(`import refused: ${JSON.stringify(summary?.errors.slice(0, 3))}`);
    const [outcome] = await job.store(null);
    if (!outcome?.stored) throw new Error(`import not stored: ${outcome?.storeError ?? 'unknown'}`);
    return outcome.stored;
  });
  const ms = performance.now() - t0;
  db.close();
  await new Promise((r) => {
    const req = indexedDB.deleteDatabase(`marginalia-bench-import-${run}`);
    req.onsuccess = req.onerror = r;
  });
  return {
    lines,
    ms,
    parse_ms: parseMs,
    longest_task_ms: longest,
    documents: value.documentsAdded,
    bytes: bytes.length,
  };
}

/** Agreement for documents × annotators × spans, computed in a Worker; the study is built first. */
export function agreementJob(documents: number, annotators: number, perDoc: number): Promise<number> {
  const worker = new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    let t0 = 0;
    worker.onmessage = (e: MessageEvent<{ kind: 'ready' } | { kind: 'done' }>) => {
      if (e.data.kind === 'ready') {
        t0 = performance.now();
        worker.postMessage({ kind: 'run' });
      } else {
        resolve(performance.now() - t0);
        worker.terminate();
      }
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ kind: 'build', documents, annotators, perDoc });
  });
}

/**
 * The import's floor (issue 20 item 1): what any import of the prepared file must pay. Decoding and
 * JSON.parse of every line, then the same documents, texts and spans written as batched rows (one
 * row per 1,000 lines) in one strict transaction of a scratch database. Run before importJob, which
 * hands the file's bytes to the import worker (they are transferred, not copied).
 */
export async function importFloorJob(lines: number): Promise<{ ms: number; parse_ms: number }> {
  if (prepared?.lines !== lines) throw new Error(`prepareImport(${lines}) must run first`);
  const name = 'marginalia-bench-import-floor';
  await new Promise((r) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = r;
  });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('batches', { autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  const text = new TextDecoder().decode(prepared.bytes);
  const records = text
    .split('\n')
    .filter((l) => l !== '')
    .map(
      (l) =>
        JSON.parse(l) as { doc_id: string; title: string; text: string; meta: unknown; spans: unknown[] },
    );
  const parseMs = performance.now() - t0;
  const tx = db.transaction(['batches'], 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('batches');
  for (let i = 0; i < records.length; i += 1000) {
    const part = records.slice(i, i + 1000);
    store.add({
      documents: part.map((r, k) => ({ id: r.doc_id, title: r.title, meta: r.meta, order: i + k })),
      texts: part.map((r) => ({ id: r.doc_id, text: r.text })),
      spans: part.map((r) => r.spans),
    });
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  await new Promise((r) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = r;
  });
  return { ms, parse_ms: parseMs };
}
