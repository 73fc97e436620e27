import type { MarginaliaDb } from '../../db/database';
import { onDatabaseChanged } from '../../db/observe-changes';
import type { CommandStore } from './command-store';

/** Re-reads wait until writes to the followed tables have paused this long (labelling bursts). */
export const FOLLOW_SETTLE_MS = 250;

export interface Follow<S> {
  /** Tables whose committed writes may change what the store shows. */
  readonly tables: readonly string[];
  read(): Promise<S>;
  /** Whether a fresh read shows the same as the store (then nothing re-renders). */
  same?(shown: S, fresh: S): boolean;
  /** Called with each fresh read that differs (e.g. to refresh data shown beside the store's). */
  onFresh?(fresh: S): void;
}

/**
 * Keeps a command store following the database, so every open view shows what is stored: after
 * committed writes to its tables from this window, another window (Dexie broadcasts them) or a
 * sync, and after a failed write (a conflict), the state is read again once writing has paused and
 * the store's own queue is idle, and loaded when it differs. One mechanism for two tabs and for
 * replicated changes. Returns the function that stops following.
 */
export function followDatabase<S, C extends object>(
  db: MarginaliaDb,
  store: CommandStore<S, C>,
  follow: Follow<S>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let live = true;
  let asked = 0;
  const refresh = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (store.queue.busy) return refresh();
      const mine = ++asked;
      void follow.read().then(
        (fresh) => {
          if (!live || mine !== asked) return;
          if (store.queue.busy) return refresh();
          if (follow.same?.(store.getState(), fresh)) return;
          follow.onFresh?.(fresh);
          store.load(fresh);
        },
        // A failed read (a closing database) leaves the last state shown; writes report storage problems.
        () => undefined,
      );
    }, FOLLOW_SETTLE_MS);
  };
  const offDb = onDatabaseChanged(db.name, (tables) => {
    if (follow.tables.some((t) => tables.has(t))) refresh();
  });
  const offQueue = store.queue.subscribe(() => {
    if (store.queue.getSaveState().kind === 'error') refresh();
  });
  return () => {
    live = false;
    clearTimeout(timer);
    offDb();
    offQueue();
  };
}
