/**
 * Issue 20 item 3: native JSONL export of a whole library (100,000 articles × 3 annotators in the full
 * bench) streamed through the app's own path (features/export/streamExport.ts: paged reads, the
 * one-shot export's serializer per page) into a file of the origin's private file system, whose
 * writable is the one the browser's save picker hands out. The floor is writing the same bytes, in
 * the same pieces, through the same kind of writable: what any export must pay at least.
 */
import type { Span } from '../../renderer/src/core/model/span';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { openDatabase, type MarginaliaDb } from '../../renderer/src/db/database';
import type { DocumentRow, ProgressRow, SpanRow, TextRow } from '../../renderer/src/db/rows';
import type { ExportSink } from '../../renderer/src/platform/export-sink';
import { streamNativeExport } from '../../renderer/src/features/export/streamExport';
import { article, spans } from '../corpus';

const DB_NAME = 'marginalia-bench-export';
const BATCH = 2_000;

/** Library of `documents` short articles (the import bench's lines), each labelled by every annotator. */
async function seedLibrary(
  db: MarginaliaDb,
  documents: number,
  annotators: readonly string[],
): Promise<void> {
  for (let from = 0; from < documents; from += BATCH) {
    const texts: TextRow[] = [];
    const docs: DocumentRow[] = [];
    const spanRows: SpanRow[] = [];
    const progress: ProgressRow[] = [];
    for (let i = from; i < Math.min(documents, from + BATCH); i++) {
      const text = `${article(240, 7000 + (i % 997))} #${i}`;
      const id = documentIdForText(text);
      texts.push({ id, text });
      docs.push({
        id,
        title: `Line ${i}`,
        length: Array.from(text).length,
        source: 'bench',
        meta: {},
        order: i,
        addedAt: 0,
      });
      annotators.forEach((annotator, a) => {
        const list: Span[] = spans(240, 2, i * 7 + a).map((s) => ({ ...s, note: '' }));
        for (const s of list)
          spanRows.push({ ...s, id: `${i}-${a}-${s.id}`, docId: id, annotator, updatedAt: 0 });
        progress.push({
          docId: id,
          annotator,
          status: a === 0 ? ('done' as const) : ('in_progress' as const),
          updatedAt: 0,
        });
      });
    }
    await db.transaction('rw', [db.documents, db.texts, db.spans, db.spanPacks, db.progress], async () => {
      await Promise.all([
        db.texts.bulkAdd(texts),
        db.documents.bulkAdd(docs),
        db.spans.bulkAdd(spanRows),
        db.progress.bulkAdd(progress),
      ]);
    });
  }
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
    const exportOnce = async () => {
      const t0 = performance.now();
      const out = await streamNativeExport(
        db,
        await opfsSink('corpus.jsonl'),
        request,
        () => undefined,
        () => false,
      );
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
    };
  } finally {
    db.close();
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = req.onerror = r;
    });
  }
}
