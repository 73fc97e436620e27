import type { ImportFile, ImportOptions, ImportResult } from '../../core/formats/import-types';
import type { StoredImport } from '../../db/repositories/import';

/** What the page needs of a parsed file: the report, without the (possibly huge) documents. */
export type ImportSummary = Omit<ImportResult, 'documents' | 'annotations'> & {
  readonly documentCount: number;
  readonly spanCount: number;
};

export interface FileOutcome {
  result: ImportSummary;
  stored: StoredImport | null;
  /** Why a valid file could not be stored (database error). */
  storeError: string | null;
}

/** Main thread → import worker. Files are transferred, not copied. */
export type ImportWorkerRequest =
  | { kind: 'parse'; files: ImportFile[]; options: ImportOptions }
  | { kind: 'store'; dbName: string; annotator: string | null };

/** Import worker → main thread. */
export type ImportWorkerMessage =
  | { kind: 'progress'; phase: 'parse' | 'store'; fraction: number; file: string }
  | { kind: 'parsed'; summaries: ImportSummary[] }
  | { kind: 'stored'; outcomes: FileOutcome[] }
  | { kind: 'failed'; message: string };

export function summarize(r: ImportResult): ImportSummary {
  const { documents, annotations, ...rest } = r;
  return {
    ...rest,
    documentCount: documents.length,
    spanCount: annotations.reduce((n, a) => n + a.spans.length, 0),
  };
}
