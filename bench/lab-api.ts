/** What the lab page (bench/lab/main.ts) exposes on `window.__lab` for the runner to call. */
import type { BenchCase } from './corpus';
import type { SeededCase } from './lab/seed-db';

export interface Measured {
  readonly ms: number;
  readonly painted: number;
}

export interface LabApi {
  seed(cases: readonly BenchCase[], annotator: string): Promise<SeededCase[]>;
  setLastDocument(docId: string): Promise<void>;
  /** Renders case `c` as baseline `kind` in one pass and leaves it on the page (scrollable: #scroller). */
  baseline(kind: 'mark' | 'css', c: BenchCase): Promise<Measured>;
  /** Tags `count` selections on the baseline on the page (lab/baseline-label.ts): ms per label and highlights added. */
  labelBaseline(kind: 'mark' | 'css', count: number, run: number): Promise<{ ms: number[]; added: number }>;
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
  agreementJob(documents: number, annotators: number, perDoc: number): Promise<number>;
}

declare global {
  interface Window {
    __lab: LabApi;
  }
}
