import { useCallback, useRef, useState } from 'react';

import type { ImportFile, ImportOptions } from '../../core/formats/import-types';
import { useServices } from '../../app/providers';
import type { FileOutcome, ImportSummary } from './import-messages';
import { ImportCancelled, startImportJob, type ImportJob } from './runImportWorker';

export type { FileOutcome } from './import-messages';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'parsing'; fraction: number; file: string }
  | { phase: 'needs-annotator'; summaries: ImportSummary[] }
  | { phase: 'storing'; fraction: number; file: string }
  | { phase: 'done'; outcomes: FileOutcome[] }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/**
 * Import flow: the worker parses (progress, Cancel); if a file names no annotator the page asks for
 * one; then the worker stores each valid file in its own transaction. A file with any error stores
 * nothing; Cancel at any point stores nothing more than the files already committed before it.
 */
export function useImport() {
  const { db } = useServices();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const job = useRef<ImportJob | null>(null);
  const lastFiles = useRef<ImportFile[]>([]);

  const finish = useCallback(async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      if (e instanceof ImportCancelled) setState({ phase: 'cancelled' });
      else setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      job.current = null;
    }
  }, []);

  const store = useCallback(
    (annotator: string | null) =>
      finish(async () => {
        const current = job.current;
        if (!current) return;
        setState({ phase: 'storing', fraction: 0, file: '' });
        const outcomes = await current.store(annotator);
        job.current = null;
        setState({ phase: 'done', outcomes });
      }),
    [finish],
  );

  const start = useCallback(
    (files: ImportFile[], options: ImportOptions = {}) =>
      finish(async () => {
        if (files.length === 0) return;
        // Keep copies: the buffers are transferred to the worker, and a re-check with other options needs them.
        lastFiles.current = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
        setState({ phase: 'parsing', fraction: 0, file: files[0]?.name ?? '' });
        const run = startImportJob(files, options, db.name, (phase, fraction, file) =>
          setState(
            phase === 'parse' ? { phase: 'parsing', fraction, file } : { phase: 'storing', fraction, file },
          ),
        );
        job.current = run;
        const summaries = await run.parsed;
        if (summaries.some((r) => r.ok && r.needsAnnotator))
          setState({ phase: 'needs-annotator', summaries });
        else await store(null);
      }),
    [db, finish, store],
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
    cancel: () => job.current?.cancel(),
    chooseAnnotator: (annotator: string) => store(annotator),
    close: () => {
      job.current?.cancel();
      job.current = null;
      setState({ phase: 'idle' });
    },
  };
}
