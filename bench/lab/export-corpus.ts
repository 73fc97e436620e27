/**
 * Issue 20 item 3: native JSONL export of a whole library (100,000 articles × 3 annotators in the full
 * bench) streamed through the app's own path (features/export/streamExport.ts: paged reads, the
 * one-shot export's serializer per page) into a file of the origin's private file system, whose
 * writable is the one the browser's save picker hands out. The floor is writing the same bytes, in
 * the same pieces, through the same kind of writable: what any export must pay at least.
 */
import type { ImportedAnnotation, ImportedDocument } from '../../renderer/src/core/formats/import-types';
import { documentLength } from '../../renderer/src/core/model/document';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { openDatabase, type MarginaliaDb } from '../../renderer/src/db/database';
import { storeImport } from '../../renderer/src/db/repositories/import';
import type { ExportSink } from '../../renderer/src/platform/export-sink';
import { streamNativeExport } from '../../renderer/src/features/export/streamExport';
import { article, spans } from '../corpus';

const DB_NAME = 'marginalia-bench-export';

/**
 * A library of `documents` short articles (the import bench's lines), each labelled by every
 * annotator, stored as the app stores an import of one file: `storeImport` with batch rows, as the
 * import worker calls it (db/batch-import.ts: ~256 documents and their spans and statuses a row).
 * So the export reads what a user's imported corpus holds, not one row per document and table.
 */
async function seedLibrary(
  db: MarginaliaDb,
  documents: number,
  annotators: readonly string[],
): Promise<void> {
  const docs: ImportedDocument[] = [];
  const annotations: ImportedAnnotation[] = [];
  for (let i = 0; i < documents; i++) {
    const text = `${article(240, 7000 + (i % 997))} #${i}`;
    const id = documentIdForText(text);
    docs.push({ id, title: `Line ${i}`, text, length: documentLength(text), meta: {}, source: 'bench' });
    annotators.forEach((annotator, a) =>
      annotations.push({
        docId: id,
        annotator,
        status: a === 0 ? 'done' : 'in_progress',
        spans: spans(240, 2, i * 7 + a).map((s) => ({ ...s, id: `${i}-${a}-${s.id}`, note: '' })),
      }),
    );
  }
  const stored = await storeImport(
    db,
    { documents: docs, annotations },
    null,
    () => crypto.randomUUID(),
    () => undefined,
    { batchRows: true },
  );
  if (stored.documentsAdded !== documents) throw new Error(`seeded ${stored.documentsAdded} documents`);
  // Every document must be a batch entry (a `documents` row would mean the import kept it apart).
  const apart = await db.documents.count();
  if (apart > 0) throw new Error(`${apart} documents stored one row per document, not in batch rows`);
}

/** A sink over a file of the origin's private file system (the save picker's kind of writable). */
async function opfsSink(name: string): Promise<ExportSink> {
  const dir = await navigator.storage.getDirectory();
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  return {
    write: (t) => writable.write(t),
    close: async () => {
      await writable.close();
      return name;
    },
    abort: () => writable.abort(),
  };
}

export interface ExportCorpusResult {
  documents: number;
  annotators: number;
  records: number;
  bytes: number;
  ms: number[];
  floor_ms: number[];
  /** Wall-clock [start, end] of each timed export (Date.now()), for the runner's heap samples. */
  windows: [number, number][];
  /** Progress calls of the last timed export. */
  progress_calls: number;
}

/** Seeds the library (not timed), then `runs` exports and floors, interleaved (order rotates per run). */
export async function exportCorpusJob(
  documents: number,
  annotators: number,
  runs: number,
): Promise<ExportCorpusResult> {
  const who = Array.from({ length: annotators }, (_, a) => `annotator-${a + 1}`);
  await new Promise((r) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = r;
  });
  const db = await openDatabase(DB_NAME);
  try {
    await seedLibrary(db, documents, who);
    const request = { annotators: who, includeUntouched: false, withUtf16: false, fileName: 'corpus.jsonl' };
    // An untimed first export keeps its pieces: the floor writes exactly these.
    const pieces: string[] = [];
    const recorder: ExportSink = {
      write: async (t) => void pieces.push(t),
      close: async () => 'recorded',
      abort: async () => undefined,
    };
    const first = await streamNativeExport(
      db,
      recorder,
      request,
      () => undefined,
      () => false,
    );
    if (!first) throw new Error('export cancelled');
    const ms: number[] = [];
    const floor: number[] = [];
    const windows: [number, number][] = [];
    let progressCalls = 0;
    const exportOnce = async () => {
      const t0 = performance.now();
      const start = Date.now();
      progressCalls = 0;
      const out = await streamNativeExport(
        db,
        await opfsSink('corpus.jsonl'),
        request,
        () => void progressCalls++,
        () => false,
      );
      windows.push([start, Date.now()]);
      if (out?.summary.documents !== documents)
        throw new Error(`exported ${out?.summary.documents} documents`);
      ms.push(performance.now() - t0);
    };
    const floorOnce = async () => {
      const t0 = performance.now();
      const sink = await opfsSink('floor.jsonl');
      for (const p of pieces) await sink.write(p);
      await sink.close();
      floor.push(performance.now() - t0);
    };
    for (let r = 0; r < runs; r++) {
      if (r % 2 === 0) {
        await exportOnce();
        await floorOnce();
      } else {
        await floorOnce();
        await exportOnce();
      }
    }
    const dir = await navigator.storage.getDirectory();
    const written = await (await dir.getFileHandle('corpus.jsonl')).getFile();
    const floorFile = await (await dir.getFileHandle('floor.jsonl')).getFile();
    if (written.size !== floorFile.size)
      throw new Error(`export wrote ${written.size} bytes, the floor ${floorFile.size}`);
    await dir.removeEntry('corpus.jsonl');
    await dir.removeEntry('floor.jsonl');
    return {
      documents,
      annotators,
      records: first.summary.documents * annotators,
      bytes: written.size,
      ms,
      floor_ms: floor,
      windows,
      progress_calls: progressCalls,
    };
  } finally {
    db.close();
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = req.onerror = r;
    });
  }
}
