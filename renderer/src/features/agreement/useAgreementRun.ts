import { useCallback, useEffect, useRef, useState } from 'react';

import type { AgreementResult, AgreementSelection } from '../../core/agreement-report/result';
import { useServices } from '../../session/providers';
import {
  loadAgreementState,
  refreshAgreementState,
  type AgreementState,
} from '../../db/repositories/agreement';
import { onAgreementChanged } from '../../db/agreement-changes';
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

  // The source last read for the shown selection, and the documents written since it was read
  // ('all': the next run reads everything again).
  const shown = useRef<AgreementState | null>(null);
  const changed = useRef<Set<string> | 'all'>('all');
  // Whether shown figures follow the database, and how a refresh is asked for (set below).
  const following = useRef(false);
  const schedule = useRef<() => void>(() => undefined);

  const run = useCallback(
    (selection: AgreementSelection, quiet = false) => {
      // A computation cut short must still finish with this run's source.
      const interrupted = worker.current !== null;
      stop();
      const id = runId.current;
      lastSelection.current = selection;
      // A refresh keeps the figures on screen until the new ones are ready, and reads again only
      // the documents written since (a lead's pulled span sets), never every participant's rows.
      if (!quiet) {
        setState({ kind: 'running', fraction: 0 });
        changed.current = 'all';
      }
      const asked = changed.current;
      changed.current = new Set();
      const prev = shown.current;
      const read =
        asked === 'all' || !prev
          ? loadAgreementState(db, selection.docIds, selection.annotators)
          : refreshAgreementState(db, prev, asked, selection.docIds, selection.annotators);
      void read.then(
        (next) => {
          if (id !== runId.current) {
            // Superseded: the documents it read are read again by the next refresh.
            changed.current = merged(changed.current, asked);
            if (following.current) schedule.current();
            return;
          }
          // Null: nothing the selection studies changed.
          if (next === null && !interrupted) return;
          const source = (next ?? prev)?.source;
          if (!source) return;
          if (next) shown.current = next;
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
          changed.current = 'all';
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
  // writing pauses for REFRESH_MS. Writes are gathered even while a computation runs, as the next
  // refresh reads only the documents they name.
  const done = state.kind === 'done';
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    schedule.current = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (lastSelection.current) run(lastSelection.current, true);
      }, REFRESH_MS);
    };
    const off = onAgreementChanged(db.name, (docs) => {
      changed.current = merged(changed.current, docs);
      if (following.current) schedule.current();
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [db, run]);
  // Figures just shown: writes made while they were computed are followed now.
  useEffect(() => {
    following.current = done;
    const c = changed.current;
    if (done && (c === 'all' || c.size > 0)) schedule.current();
  }, [done]);

  return { state, run, cancel };
}

const merged = (a: Set<string> | 'all', b: Set<string> | 'all'): Set<string> | 'all' =>
  a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]);
