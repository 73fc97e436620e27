import { useEffect, useState, useSyncExternalStore } from 'react';

import { onDatabaseChanged } from '../../db/observe-changes';
import { useServices } from '../providers';
import type { IndexProgress, SuggestQuery } from './suggest-messages';
import { suggester, type SuggestAnswer } from './suggestions';

/** Writes that may change a span's suggestions: its links, its dismissals, the claim spans. */
const WATCHED = ['links', 'settings', 'spans'];
const SETTLE_MS = 250;

/**
 * Link suggestions for one claim span (null: none asked), following the database: asked again when
 * links, dismissals or spans change, and once indexing of the library completes. The last answer
 * stays shown while the next is computed.
 */
export function useSuggestions(query: SuggestQuery | null): {
  answer: SuggestAnswer | null;
  failed: string | null;
  progress: IndexProgress;
} {
  const { db } = useServices();
  const s = suggester(db);
  const progress = useSyncExternalStore(s.subscribe, s.getProgress);
  const [answer, setAnswer] = useState<SuggestAnswer | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const key = query && JSON.stringify(query);
  const complete = progress.total > 0 && progress.indexed >= progress.total;
  useEffect(() => {
    setAnswer(null);
    if (!key) return;
    const q = JSON.parse(key) as SuggestQuery;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void =>
      void s.query(q).then(
        (a) => {
          if (!live) return;
          setFailed(null);
          setAnswer(a);
        },
        (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
      );
    ask();
    const off = onDatabaseChanged(db.name, (tables) => {
      if (!WATCHED.some((t) => tables.has(t))) return;
      clearTimeout(timer);
      timer = setTimeout(ask, SETTLE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, [db, s, key, complete]);
  return { answer, failed, progress };
}
