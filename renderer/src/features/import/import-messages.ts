import type { ImportFile, ImportOptions, ImportResult } from '../../core/formats/import-types';

/** Main thread → import worker. Files are transferred, not copied. */
export interface ImportWorkerRequest {
  files: ImportFile[];
  options: ImportOptions;
}

/** Import worker → main thread. */
export type ImportWorkerMessage =
  | { kind: 'progress'; fraction: number; file: string }
  | { kind: 'done'; results: ImportResult[] }
  | { kind: 'failed'; message: string };
