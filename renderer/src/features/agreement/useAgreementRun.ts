import { useCallback, useEffect, useRef, useState } from 'react';

import type { AgreementResult, AgreementSelection } from '../../core/agreement-report/result';
import { useServices } from '../../session/providers';
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
 * Runs the agreement worker, which reads the chosen data itself and computes, so the page neither
 * reads nor freezes. `cancel` terminates the worker at once; a new run cancels the previous one.
 * The worker lives as long as the view and keeps what it read, for refreshes.
 */
export function useAgreementRun(): {
  state: RunState;
  run(selection: AgreementSelection, quiet?: boolean): void;
  cancel(): void;
} {
  const { db } = useServices();
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  // Whether the worker is reading or computing: a refresh waits for it rather than end it (what
  // the worker has read would be lost and the next run would read every document again).
  const busy = useRef(false);
  const lastSelection = useRef<AgreementSelection | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    busy.current = false;
  }, []);
  useEffect(() => stop, [stop]);

  // The documents written since the worker last read the shown selection ('all': the next run
  // reads everything again).
  const changed = useRef<Set<string> | 'all'>('all');
  // Whether shown figures follow the database, and how a refresh is asked for (set below).
  const following = useRef(false);
  const schedule = useRef<() => void>(() => undefined);

  const run = useCallback(
    (selection: AgreementSelection, quiet = false) => {
      if (quiet && busy.current) return; // the writes wait in `changed` for the run's end
      if (!quiet) {
        // A refresh keeps the figures on screen until the new ones are ready, and reads again
        // only the documents written since (a lead's pulled span sets); a run asked for reads all.
        if (busy.current) stop();
        setState({ kind: 'running', fraction: 0 });
        changed.current = 'all';
      }
      lastSelection.current = selection;
      const asked = changed.current;
      changed.current = new Set();
      const w =
        worker.current ?? new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      busy.current = true;
      const finish = (next: RunState | null) => {
        busy.current = false;
        if (next) setState(next);
        // Writes made during a refresh (its figures were already on screen) are followed now.
        const c = changed.current;
        if (next?.kind !== 'failed' && following.current && (c === 'all' || c.size > 0)) schedule.current();
      };
      w.onmessage = (e: MessageEvent<AgreementWorkerMessage>) => {
        const m = e.data;
        if (m.kind === 'progress') {
          if (!quiet) setState({ kind: 'running', fraction: m.fraction });
        } else if (m.kind === 'done') finish({ kind: 'done', result: m.result });
        else if (m.kind === 'failed') finish({ kind: 'failed', message: m.message });
        else if (m.kind === 'unchanged') finish(null);
      };
      w.onerror = (e) => {
        stop();
        changed.current = 'all';
        setState({ kind: 'failed', message: e.message || 'The agreement worker failed.' });
      };
      const request: AgreementWorkerRequest = {
        dbName: db.name,
        selection,
        changed: asked === 'all' ? null : [...asked],
      };
      w.postMessage(request);
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
