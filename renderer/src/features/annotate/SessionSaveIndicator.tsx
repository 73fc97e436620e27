import { useEffect, useSyncExternalStore } from 'react';

import { SaveIndicator } from '../../ui/SaveIndicator';
import type { SaveStateSource } from './useAnnotationSession';

/**
 * The annotate view's save indicator, subscribed on its own: "Saving…" on a label re-renders this,
 * not the whole page, in the label's key task (docs/performance.md). A write that failed (a conflict
 * with another window, a full disk) is said, not only marked.
 */
export function SessionSaveIndicator({
  source,
  onError,
}: {
  source: SaveStateSource;
  onError: (message: string, tone: 'error') => void;
}) {
  const state = useSyncExternalStore(source.subscribe, source.getSaveState);
  const error = state.kind === 'error' ? state.message : null;
  useEffect(() => {
    if (!error) return;
    // After the page's own effects of this commit, not before: a refused write also rolls the spans
    // back, and the page's effect on changed spans clears a stale error from the status line. A
    // child's effects run before its parent's, so saying it at once had it cleared at once.
    let live = true;
    queueMicrotask(() => live && onError(error, 'error'));
    return () => {
      live = false;
    };
  }, [error, onError]);
  return <SaveIndicator state={state} />;
}
