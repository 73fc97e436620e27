import { useCallback, useRef, useState } from 'react';

import type { ImportFile, ImportOptions } from '../../core/formats/import-types';
import { useUserWrites } from '../../session/commands/use-user-writes';
import type { FileOutcome, ImportSummary } from '../../session/import/import-messages';
import { ImportCancelled, type ImportJob } from '../../session/import/runImportWorker';

export type { FileOutcome } from '../../session/import/import-messages';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'parsing'; fraction: number; file: string }
  | { phase: 'review'; summaries: ImportSummary[]; options: ImportOptions }
  | { phase: 'needs-annotator'; summaries: ImportSummary[] }
  | { phase: 'storing'; fraction: number; file: string }
  | { phase: 'done'; outcomes: FileOutcome[]; options: ImportOptions }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/**
 * Whether the user must decide something before anything is stored: labels Marginalia does not
 * know (to map or skip; only where they are a file's only errors), offsets whose unit the file
 * cannot prove, model predictions. Re-reading a
 * file after it was stored would add its spans a second time at other offsets, so these choices
 * come first.
 */
export function needsReview(summaries: readonly ImportSummary[]): boolean {
  return summaries.some((s) => {
    const unknown = s.labels.filter((l) => l.target === null).length;
    // A file with other errors is refused whatever the labels become: its report says why.
    if (unknown > 0) return s.errorCount === unknown;
    return s.ok && s.offers.some((o) => o.kind === 'unit' || o.kind === 'predictions');
  });
}

/**
 * Import flow: the worker parses (progress, Cancel); if labels need mapping or the file leaves a
 * choice open, the page shows the review step and parses again with the user's choices; if a file
 * names no annotator the page asks for one; then the worker stores each valid file in its own
 * transaction. A file with any error stores nothing; Cancel at any point stores nothing more than
 * the files already committed before it.
 */
export function useImport() {
  const writes = useUserWrites();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const job = useRef<ImportJob | null>(null);
  const lastFiles = useRef<ImportFile[]>([]);
  const lastOptions = useRef<ImportOptions>({});

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
        setState({ phase: 'done', outcomes, options: lastOptions.current });
      }),
    [finish],
  );

  const parse = useCallback(
    (files: ImportFile[], options: ImportOptions, reviewed: boolean) =>
      finish(async () => {
        if (files.length === 0) return;
        // Keep copies: the buffers are transferred to the worker, and a re-check with other options needs them.
        lastFiles.current = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
        lastOptions.current = options;
        setState({ phase: 'parsing', fraction: 0, file: files[0]?.name ?? '' });
        const run = writes.importJob(files, options, (phase, fraction, file) =>
          setState(
            phase === 'parse' ? { phase: 'parsing', fraction, file } : { phase: 'storing', fraction, file },
          ),
        );
        job.current = run;
        const summaries = await run.parsed;
        if (!reviewed && needsReview(summaries)) setState({ phase: 'review', summaries, options });
        else if (summaries.some((r) => r.ok && r.needsAnnotator))
          setState({ phase: 'needs-annotator', summaries });
        else await store(null);
      }),
    [writes, finish, store],
  );

  const start = useCallback(
    (files: ImportFile[], options: ImportOptions = {}) => parse(files, options, false),
    [parse],
  );

  /** Reads the last files again with other options (nothing of the first reading is stored). */
  const recheck = useCallback(
    (options: ImportOptions, reviewed = false) => {
      job.current?.cancel();
      job.current = null;
      return parse(
        lastFiles.current.map((f) => ({ name: f.name, bytes: f.bytes.slice() })),
        options,
        reviewed,
      );
    },
    [parse],
  );

  return {
    state,
    start,
    recheck,
    /** The review step's choices: parse again with them and go on to store. */
    confirm: (options: ImportOptions) => recheck(options, true),
    cancel: () => job.current?.cancel(),
    chooseAnnotator: (annotator: string) => store(annotator),
    close: () => {
      job.current?.cancel();
      job.current = null;
      setState({ phase: 'idle' });
    },
  };
}
