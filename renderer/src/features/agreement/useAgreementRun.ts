import { useCallback, useEffect, useRef, useState } from 'react';

import type { AgreementResult, AgreementSelection } from '../../core/agreement-report/result';
import { useServices } from '../../session/providers';
import { loadAgreementSource } from '../../db/repositories/agreement';
import { onDatabaseChanged } from '../../db/observe-changes';
import type { AgreementWorkerMessage, AgreementWorkerRequest } from './agreement-messages';

/** How long writing must pause before shown figures are recomputed. */
export const REFRESH_MS = 300;

export type RunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly fraction: number }
  | { readonly kind: 'done'; readonly result: AgreementResult }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Reads the chosen data in one transaction, then computes in a fresh Web Worker so the page never
 * freezes. `cancel` terminates the worker at once; a new run cancels the previous one.
 */
export function useAgreementRun(): {
  state: RunState;
  run(selection: AgreementSelection, quiet?: boolean): void;
  cancel(): void;
} {
  const { db } = useServices();
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const runId = useRef(0);
  const lastSelection = useRef<AgreementSelection | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    runId.current += 1;
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback(
    (selection: AgreementSelection, quiet = false) => {
      stop();
      const id = runId.current;
      lastSelection.current = selection;
      // A refresh keeps the figures on screen until the new ones are ready.
      if (!quiet) setState({ kind: 'running', fraction: 0 });
      void loadAgreementSource(db, selection.docIds, selection.annotators).then(
        (source) => {
          if (id !== runId.current) return;
          const w = new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module' });
          worker.current = w;
          w.onmessage = (e: MessageEvent<AgreementWorkerMessage>) => {
            const m = e.data;
            if (m.kind === 'progress') {
              if (!quiet) setState({ kind: 'running', fraction: m.fraction });
            } else {
              stop();
              setState(
                m.kind === 'done'
                  ? { kind: 'done', result: m.result }
                  : { kind: 'failed', message: m.message },
              );
            }
          };
          w.onerror = (e) => {
            stop();
            setState({ kind: 'failed', message: e.message || 'The agreement worker failed.' });
          };
          w.postMessage({ source, selection } satisfies AgreementWorkerRequest);
        },
        (e: unknown) => {
          if (id === runId.current)
            setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    [db, stop],
  );

  const cancel = useCallback(() => {
    stop();
    lastSelection.current = null;
    setState({ kind: 'idle' });
  }, [stop]);

  // Once figures are shown they follow the database: spans, links or statuses written here, in another
  // window, or pulled from a team server (a lead's annotators) recompute them, quietly, once
  // writing pauses for REFRESH_MS.
  const done = state.kind === 'done';
  useEffect(() => {
    if (!done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onDatabaseChanged(db.name, (tables) => {
      if (!['spans', 'goldSpans', 'progress', 'goldStatus', 'documents', 'links'].some((t) => tables.has(t)))
        return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (lastSelection.current) run(lastSelection.current, true);
      }, REFRESH_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [db, done, run]);

  return { state, run, cancel };
}
