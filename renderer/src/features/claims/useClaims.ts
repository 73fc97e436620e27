import { useEffect, useState } from 'react';

import type { ClaimsView } from '../../core/links/claims-view';
import { onDatabaseChanged } from '../../db/observe-changes';
import { useServices } from '../../session/providers';
import type { ClaimsWorkerMessage, ClaimsWorkerRequest } from './claims-messages';

/** How long writing must pause before the clusters are built again. */
export const REFRESH_MS = 300;

const WATCHED = ['spans', 'goldSpans', 'links', 'documents', 'texts', 'batches'];
/** Whether a committed write touched what the Claims view is built from (batch rows too: issue 20). */
export const claimsChanged = (tables: ReadonlySet<string>): boolean => WATCHED.some((t) => tables.has(t));

export type ClaimsState =
  | { readonly kind: 'reading' }
  | { readonly kind: 'done'; readonly view: ClaimsView; readonly annotator: string | null }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The Claims view's data, following the database: built in a fresh worker (reading and clustering
 * a large library never blocks the page), again once writing to spans, links or documents pauses
 * for REFRESH_MS (this window, another one, a sync). The figures on screen stay until new ones are
 * ready; a newer run terminates an older one.
 */
export function useClaims(annotator: string | null): ClaimsState {
  const { db } = useServices();
  const [state, setState] = useState<ClaimsState>({ kind: 'reading' });
  useEffect(() => {
    let worker: Worker | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (): void => {
      worker?.terminate();
      const w = new Worker(new URL('./claims.worker.ts', import.meta.url), { type: 'module' });
      worker = w;
      w.onmessage = (e: MessageEvent<ClaimsWorkerMessage>) => {
        w.terminate();
        if (worker !== w) return;
        worker = null;
        const m = e.data;
        setState(m.kind === 'done' ? { kind: 'done', view: m.view, annotator } : m);
      };
      w.onerror = (e) => {
        w.terminate();
        if (worker === w) setState({ kind: 'failed', message: e.message || 'The claims worker failed.' });
      };
      w.postMessage({ dbName: db.name, annotator } satisfies ClaimsWorkerRequest);
    };
    run();
    const off = onDatabaseChanged(db.name, (tables) => {
      if (!claimsChanged(tables)) return;
      clearTimeout(timer);
      timer = setTimeout(run, REFRESH_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
      worker?.terminate();
    };
  }, [db, annotator]);
  return state;
}
