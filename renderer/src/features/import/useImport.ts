import { useCallback, useRef, useState } from 'react';

import type { ImportFile, ImportOptions, ImportResult } from '../../core/formats/import-types';
import { useServices } from '../../app/providers';
import { storeImport, type StoredImport } from '../../db/repositories/import';
import { ImportCancelled, runImportWorker, type RunningImport } from './runImportWorker';

export interface FileOutcome {
  result: ImportResult;
  stored: StoredImport | null;
  /** Why a valid file could not be stored (database error). */
  storeError: string | null;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'parsing'; fraction: number; file: string }
  | { phase: 'needs-annotator'; results: ImportResult[] }
  | { phase: 'storing'; done: number; total: number }
  | { phase: 'done'; outcomes: FileOutcome[] }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/**
 * Import flow: parse in a worker (progress, Cancel), ask for an annotator when a file names none,
 * then store each valid file in its own transaction. A file with any error stores nothing.
 */
export function useImport() {
  const { db } = useServices();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef<RunningImport | null>(null);
  const lastFiles = useRef<ImportFile[]>([]);

  const store = useCallback(
    async (results: ImportResult[], annotator: string | null) => {
      const outcomes: FileOutcome[] = [];
      for (const [i, result] of results.entries()) {
        setState({ phase: 'storing', done: i, total: results.length });
        if (!result.ok) {
          outcomes.push({ result, stored: null, storeError: null });
          continue;
        }
        try {
          const stored = await storeImport(db, result, annotator, () => crypto.randomUUID());
          outcomes.push({ result, stored, storeError: null });
        } catch (e) {
          outcomes.push({ result, stored: null, storeError: e instanceof Error ? e.message : String(e) });
        }
      }
      setState({ phase: 'done', outcomes });
    },
    [db],
  );

  const start = useCallback(
    async (files: ImportFile[], options: ImportOptions = {}) => {
      if (files.length === 0) return;
      // Keep copies: the buffers are transferred to the worker, and a re-check with other options needs them.
      lastFiles.current = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
      setState({ phase: 'parsing', fraction: 0, file: files[0]?.name ?? '' });
      const run = runImportWorker(files, options, (fraction, file) =>
        setState({ phase: 'parsing', fraction, file }),
      );
      running.current = run;
      try {
        const results = await run.result;
        if (results.some((r) => r.ok && r.needsAnnotator)) setState({ phase: 'needs-annotator', results });
        else await store(results, null);
      } catch (e) {
        if (e instanceof ImportCancelled) setState({ phase: 'cancelled' });
        else setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      } finally {
        running.current = null;
      }
    },
    [store],
  );

  const recheck = useCallback(
    (options: ImportOptions) =>
      start(
        lastFiles.current.map((f) => ({ name: f.name, bytes: f.bytes.slice() })),
        options,
      ),
    [start],
  );

  return {
    state,
    start,
    recheck,
    cancel: () => running.current?.cancel(),
    chooseAnnotator: (results: ImportResult[], annotator: string) => store(results, annotator),
    close: () => setState({ phase: 'idle' }),
  };
}
