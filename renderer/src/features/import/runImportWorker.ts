import type { ImportFile, ImportOptions, ImportResult } from '../../core/formats/import-types';
import type { ImportWorkerMessage } from './import-messages';

export interface RunningImport {
  result: Promise<ImportResult[]>;
  /** Stops parsing at once; nothing has been stored yet. */
  cancel(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; nothing was stored.');
  }
}

/** Parses files in a fresh worker; the worker is terminated when done or cancelled. */
export function runImportWorker(
  files: ImportFile[],
  options: ImportOptions,
  onProgress: (fraction: number, file: string) => void,
): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let rejectRun: (e: Error) => void = () => undefined;
  const result = new Promise<ImportResult[]>((resolve, reject) => {
    rejectRun = reject;
    worker.onmessage = (e: MessageEvent<ImportWorkerMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') onProgress(m.fraction, m.file);
      else {
        worker.terminate();
        if (m.kind === 'done') resolve(m.results);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The import worker failed.'));
    };
  });
  worker.postMessage(
    { files, options },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
  return {
    result,
    cancel: () => {
      worker.terminate();
      rejectRun(new ImportCancelled());
    },
  };
}
