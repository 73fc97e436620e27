import { useCallback, useEffect, useRef, useState } from 'react';

import type { AgreementResult, AgreementSelection } from '../../core/agreement-report/result';
import { useServices } from '../../session/providers';
import { loadAgreementSource } from '../../db/repositories/agreement';
import type { AgreementWorkerMessage, AgreementWorkerRequest } from './agreement-messages';

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
  run(selection: AgreementSelection): void;
  cancel(): void;
} {
  const { db } = useServices();
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const runId = useRef(0);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    runId.current += 1;
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback(
    (selection: AgreementSelection) => {
      stop();
      const id = runId.current;
      setState({ kind: 'running', fraction: 0 });
      void loadAgreementSource(db, selection.docIds, selection.annotators).then(
        (source) => {
          if (id !== runId.current) return;
          const w = new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module' });
          worker.current = w;
          w.onmessage = (e: MessageEvent<AgreementWorkerMessage>) => {
            const m = e.data;
            if (m.kind === 'progress') setState({ kind: 'running', fraction: m.fraction });
            else {
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
    setState({ kind: 'idle' });
  }, [stop]);

  return { state, run, cancel };
}
