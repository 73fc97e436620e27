import type { ImportFile, ImportOptions } from '../../core/formats/import-types';
import type { FileOutcome, ImportSummary, ImportWorkerMessage, ImportWorkerRequest } from './import-messages';

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; nothing was stored.');
  }
}

export interface ImportJob {
  /** The report of every file, once parsed and validated (nothing stored yet). */
  parsed: Promise<ImportSummary[]>;
  /** Stores every valid file, each in one transaction; `annotator` names spans of unnamed files. */
  store(annotator: string | null): Promise<FileOutcome[]>;
  /** Stops at once: while parsing nothing is stored; while storing the open transaction aborts. */
  cancel(): void;
}

/** Runs one import in a fresh worker, which is terminated when the job ends or is cancelled. */
export function startImportJob(
  files: ImportFile[],
  options: ImportOptions,
  dbName: string,
  onProgress: (phase: 'parse' | 'store', fraction: number, file: string) => void,
): ImportJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const send = (m: ImportWorkerRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  let waiting: { kind: 'parsed' | 'stored'; resolve: (v: never) => void; reject: (e: Error) => void } | null =
    null;
  const wait = <T>(kind: 'parsed' | 'stored') =>
    new Promise<T>((resolve, reject) => {
      waiting = { kind, resolve: resolve as (v: never) => void, reject };
    });
  const fail = (e: Error) => {
    worker.terminate();
    waiting?.reject(e);
    waiting = null;
  };
  worker.onmessage = (e: MessageEvent<ImportWorkerMessage>) => {
    const m = e.data;
    if (m.kind === 'progress') return onProgress(m.phase, m.fraction, m.file);
    if (m.kind === 'failed') return fail(new Error(m.message));
    const w = waiting;
    waiting = null;
    if (m.kind === 'parsed' && w?.kind === 'parsed') w.resolve(m.summaries as never);
    if (m.kind === 'stored' && w?.kind === 'stored') {
      worker.terminate();
      w.resolve(m.outcomes as never);
    }
  };
  worker.onerror = (e) => fail(new Error(e.message || 'The import worker failed.'));
  const parsed = wait<ImportSummary[]>('parsed');
  send(
    { kind: 'parse', files, options },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
  return {
    parsed,
    store(annotator) {
      const stored = wait<FileOutcome[]>('stored');
      send({ kind: 'store', dbName, annotator });
      return stored;
    },
    cancel: () => fail(new ImportCancelled()),
  };
}
