/**
 * Issue 20 item 3: agreement over a team's corpus as the app computes it. The study (the agreement
 * bench's synthetic one: texts of 2–5k code points, `perDoc` spans per annotator) is stored as an
 * import stores it (storeImport with batch rows), then the app's agreement worker is asked for it
 * as the Agreement view asks: it reads the database itself and computes, posting its progress.
 * Timed from the request to the worker's result; the read alone (to the worker's "read") and the
 * page's longest task meanwhile are reported too.
 */
import type { ImportedAnnotation, ImportedDocument } from '../../renderer/src/core/formats/import-types';
import { documentLength } from '../../renderer/src/core/model/document';
import { compareSpans, type Span } from '../../renderer/src/core/model/span';
import type { Label } from '../../renderer/src/core/model/labels';
import { documentIdForText } from '../../renderer/src/core/text/text-hash';
import { openDatabase } from '../../renderer/src/db/database';
import { storeImport } from '../../renderer/src/db/repositories/import';
import type {
  AgreementWorkerMessage,
  AgreementWorkerRequest,
} from '../../renderer/src/features/agreement/agreement-messages';
import { syntheticStudy } from '../../tests/unit/core/agreement/synthetic';
import { longestTaskDuring } from './frame';

const DB_NAME = 'marginalia-bench-agreement';

const deleted = () =>
  new Promise((r) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = r;
  });

/** The synthetic study as one imported file: its documents and one set per (document, annotator). */
function studyFile(documents: number, annotators: number, perDoc: number) {
  const study = syntheticStudy(documents, annotators, perDoc);
  const idOf = new Map<string, string>();
  const docs: ImportedDocument[] = study.documents.map((d) => {
    const id = documentIdForText(d.text);
    idOf.set(d.id, id);
    return { id, title: d.id, text: d.text, length: documentLength(d.text), meta: {}, source: 'bench' };
  });
  const sets = new Map<string, { docId: string; annotator: string; spans: Span[] }>();
  for (const s of study.spans) {
    const docId = idOf.get(s.doc)!;
    const key = `${docId}\u0000${s.annotator}`;
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { docId, annotator: s.annotator, spans: [] }));
    const id = `${s.doc}-${s.annotator}-${set.spans.length}`;
    set.spans.push({ id, start: s.start, end: s.end, label: s.label as Label, note: '' });
  }
  const annotations: ImportedAnnotation[] = [...sets.values()].map((s) => ({
    ...s,
    status: 'done',
    spans: s.spans.sort(compareSpans),
  }));
  return { documents: docs, annotations, annotators: study.annotators };
}

/**
 * Runs the app's agreement worker on `request`: progress messages posted, ms to "read" and to
 * "done", and the number of documents the result has figures for.
 */
function runWorker(
  request: AgreementWorkerRequest,
): Promise<{ progress: number; read: number; ms: number; studied: number }> {
  const t0 = performance.now();
  let read = NaN;
  // Written in one piece: Vite bundles a worker only from `new Worker(new URL(…, import.meta.url))`.
  const worker = new Worker(
    new URL('../../renderer/src/features/agreement/agreement.worker.ts', import.meta.url),
    {
      type: 'module',
    },
  );
  let progress = 0;
  return new Promise<{ progress: number; read: number; ms: number; studied: number }>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<AgreementWorkerMessage>) => {
      if (e.data.kind === 'progress') return void progress++;
      if (e.data.kind === 'read') return void (read = performance.now() - t0);
      worker.terminate();
      if (e.data.kind === 'done')
        resolve({ progress, read, ms: performance.now() - t0, studied: e.data.result.documents.length });
      else reject(new Error(e.data.kind === 'failed' ? e.data.message : 'nothing computed'));
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

export interface AgreementCorpusResult {
  ms: number[];
  read_ms: number[];
  /** The page's longest task during each run (Long Tasks API: 0 when none over 50 ms). */
  longest_task_ms: number[];
  /** Progress messages the worker posted in the last run. */
  progress: number;
}

/** Stores the study (not timed), then `runs` agreements as the Agreement view runs them. */
export async function agreementCorpusJob(
  documents: number,
  annotators: number,
  perDoc: number,
  runs: number,
): Promise<AgreementCorpusResult> {
  await deleted();
  const db = await openDatabase(DB_NAME);
  try {
    const file = studyFile(documents, annotators, perDoc);
    const stored = await storeImport(
      db,
      file,
      null,
      () => crypto.randomUUID(),
      () => undefined,
      {
        batchRows: true,
      },
    );
    if (stored.documentsAdded !== documents) throw new Error(`stored ${stored.documentsAdded} documents`);
    const out: AgreementCorpusResult = { ms: [], read_ms: [], longest_task_ms: [], progress: 0 };
    const selection = { docIds: null, annotators: [...file.annotators] };
    for (let r = 0; r < runs; r++) {
      const { value, longest } = await longestTaskDuring(() =>
        runWorker({ dbName: DB_NAME, selection, changed: null }),
      );
      if (value.studied !== documents) throw new Error(`computed ${value.studied} documents`);
      out.read_ms.push(value.read);
      out.ms.push(value.ms);
      out.longest_task_ms.push(longest);
      out.progress = value.progress;
    }
    return out;
  } finally {
    db.close();
    await deleted();
  }
}
