import { useEffect, useState } from 'react';

import { useServices } from '../providers';
import { keepBatchSummaries } from '../../db/corpus/library-summaries';
import { noLibraryChange, onLibraryChanged } from '../../db/library-changes';
import { onRowsChanged } from '../../db/observe-changes';
import { libraryRefresh, RefreshGate } from './library-refresh';
import {
  patchLibrary,
  readLibrary,
  readLibraryStartEntries,
  type LibraryEntry,
  type LibraryScope,
} from './library-model';

export type { LibraryEntry, LibraryScope } from './library-model';

/**
 * Entries shown before the whole library is read: ~60 screens of the list, so a scroll or a click
 * has rows at once while the rest is read (issue 20: at 1,000,000 documents the whole read took
 * 16-30 s under load and the list waited for it).
 */
export const FIRST_ENTRIES = 500;

/** The library as read so far: `complete` false while only its first entries are. */
export interface LibraryState {
  readonly entries: readonly LibraryEntry[];
  readonly complete: boolean;
}

/** Span writes (labels) refresh the library once writing has paused this long, in an idle moment. */
export const COUNTS_SETTLE_MS = 500;

const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 0);
};

/**
 * The library as the annotator sees it (connected to a team: the team's articles only, `scope`
 * being the server's articles database), re-read re-read after committed writes to this database (also from
 * other tabs and workers) that it shows: documents and statuses at once, span counts once labelling
 * pauses (library-refresh.ts). A change known by key (a label, a status) re-reads only the entries
 * of its documents (library-model.ts `patchLibrary`), not the whole library. Why: a re-read and re-render after each label (a DOM change, so
 * Chromium rebuilds every highlight marker and repaints all highlighted text) landed in the next
 * labels' frames: with 9 documents in the library, label p50/p95 18.7/26 ms against 12.4/14.4 ms
 * (docs/performance.md, "Rendering and highlights").
 */
export function useLibrary(
  annotator: string,
  scope: LibraryScope | null = null,
  /** False until the library may be read (start-up paints the last article first): undefined meanwhile. */
  wanted = true,
): LibraryState | undefined {
  const { db } = useServices();
  // Batch rows (issue 20) are never rewritten: their summaries are kept between the re-reads.
  useEffect(() => keepBatchSummaries(db, (l) => onRowsChanged(db.name, 'batches', l)), [db]);
  const [state, setState] = useState<LibraryState | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Entries as last read here, and what changed since (gathered by key as writes commit).
    let shown: LibraryEntry[] | null = null;
    let change = noLibraryChange();
    change.all = true;
    const refresh = async (): Promise<void> => {
      const asked = change;
      change = noLibraryChange();
      try {
        const patched = shown && (await patchLibrary(db, annotator, scope, shown, asked));
        if (!patched && !shown) {
          // The first read: the first screens by `order` range, then the rest behind them.
          const start = await readLibraryStartEntries(db, annotator, scope, FIRST_ENTRIES);
          if (!live) return;
          if (start) setState(start);
          if (start?.complete) {
            shown = start.entries;
            return;
          }
        }
        const next = patched ?? (await readLibrary(db, annotator, scope));
        if (!live) return;
        shown = next;
        setState({ entries: next, complete: true });
      } catch {
        // A failed read (a closing database, a storage error) leaves the last library shown, and the
        // next read is a whole one; the read-only and startup paths report storage problems.
        change.all = true;
      }
    };
    const gate = new RefreshGate(refresh);
    const load = (): void => {
      clearTimeout(timer);
      gate.request();
    };
    load();
    const off = onLibraryChanged(
      db.name,
      annotator,
      () => change,
      (tables) => {
        const when = libraryRefresh(tables);
        if (when === 'now') return load();
        if (when === null) return;
        clearTimeout(timer);
        timer = setTimeout(() => whenIdle(load), COUNTS_SETTLE_MS);
      },
    );
    return () => {
      live = false;
      clearTimeout(timer);
      gate.close();
      off();
    };
    // The scope's fields, not its identity: a re-render must not re-read the library.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, annotator, scope?.articlesDb, scope?.leadOf, wanted]);
  return state;
}
