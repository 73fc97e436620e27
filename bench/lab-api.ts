/** What the lab page (bench/lab/main.ts) exposes on `window.__lab` for the runner to call. */
import type { BenchCase } from './corpus';
import type { AgreementCorpusResult } from './lab/agreement-corpus';
import type { ExportCorpusResult } from './lab/export-corpus';
import type { SeededCase } from './lab/seed-db';

export interface Measured {
  readonly ms: number;
  readonly painted: number;
}

export type BaselineKind = 'mark' | 'css' | 'win';

export interface LabApi {
  seed(cases: readonly BenchCase[], annotator: string): Promise<SeededCase[]>;
  setLastDocument(docId: string): Promise<void>;
  /** Gives the baselines' scroller the size of the app's article scroller, so lines wrap the same. */
  setGeometry(width: number, height: number): void;
  /**
   * Renders case `c` as baseline `kind` and leaves it on the page (scrollable: #scroller): `mark` and
   * `css` whole in one pass, `win` windowed (lab/windowed.ts).
   */
  baseline(kind: BaselineKind, c: BenchCase): Promise<Measured>;
  /** Makes digit keys label the selection the way baseline `kind` does (lab/baseline-label.ts). */
  armKeys(kind: BaselineKind): void;
  clear(): Promise<void>;
  exportJob(docs: number, perDoc: number): { spans: number; ms: number; bytes: number };
  /** Builds the file the next importJob(lines, …) imports (outside its timing; see lab/jobs.ts). */
  prepareImport(lines: number): number;
  importJob(
    lines: number,
    run: number,
  ): Promise<{
    lines: number;
    ms: number;
    parse_ms: number;
    longest_task_ms: number;
    documents: number;
    bytes: number;
  }>;
  /** Decoding and parsing the prepared file plus its rows written in batches: the import's floor. */
  importFloorJob(lines: number): Promise<{ ms: number; parse_ms: number }>;
  /** The prepared file parsed by the app's parser and stored as batch rows (lab/import-batch-job.ts). */
  importBatchJob(
    lines: number,
  ): Promise<{ ms: number; parse_ms: number; encode_ms: number; store_ms: number; batches: number }>;
  agreementJob(documents: number, annotators: number, perDoc: number): Promise<number>;
  /** The study stored as an import stores it, read and computed as the Agreement view does. */
  agreementCorpusJob(
    documents: number,
    annotators: number,
    perDoc: number,
    runs: number,
  ): Promise<AgreementCorpusResult>;
  /** Streamed native export of a seeded library, and the floor (the same bytes written), interleaved. */
  exportCorpusJob(documents: number, annotators: number, runs: number): Promise<ExportCorpusResult>;
  /** The import's text hash in a worker: noble, the app's sha256 and crypto.subtle (lab/hash-job.ts). */
  hashJob(lines: number, runs: number): Promise<Record<'noble' | 'js' | 'subtle', number[]>>;
  /** Imports generated lines [from, from + lines) into `dbName` through the app's import (lab/library-fill.ts). */
  libraryFillJob(dbName: string, from: number, lines: number): Promise<number>;
}

declare global {
  interface Window {
    __lab: LabApi;
  }
}
