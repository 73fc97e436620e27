import { useEffect, useState } from 'react';

import type { Label } from '../../core/model/labels';
import type { DocStatus } from '../../core/model/status';
import { useServices } from '../providers';
import type { MarginaliaDb } from '../../db/database';
import { onDatabaseChanged } from '../../db/observe-changes';
import { countSpansByDocument } from '../../db/repositories/span-counts';
import { listDocuments } from '../../db/repositories/documents';
import { libraryStatuses } from '../../db/corpus/library';
import { syncedIds, teamStatuses, type TeamStatus } from '../../db/repositories/sync';
import { libraryRefresh, RefreshGate } from './library-refresh';

export interface LibraryEntry {
  id: string;
  title: string;
  length: number;
  counts: Record<Label, number>;
  status: DocStatus;
  /** A lead's view: each assigned annotator's status on it. */
  team?: readonly TeamStatus[];
}

/** Which team's documents the library shows (null: no team, every document). */
export interface LibraryScope {
  /** The server's articles database: the library shows the documents recorded under it. */
  readonly articlesDb: string;
  /** Set for a lead: the project whose annotators' statuses each entry shows. */
  readonly leadOf: string | null;
}

const NO_COUNTS: Record<Label, number> = { claim: 0, quote: 0, figure: 0, speculation: 0 };

/** Span writes (labels) refresh the library once writing has paused this long, in an idle moment. */
export const COUNTS_SETTLE_MS = 500;

async function readLibrary(
  db: MarginaliaDb,
  annotator: string,
  scope: LibraryScope | null,
): Promise<LibraryEntry[]> {
  const [all, counts, statuses, team, others] = await Promise.all([
    listDocuments(db),
    countSpansByDocument(db, annotator),
    libraryStatuses(db, annotator),
    scope ? syncedIds(db, scope.articlesDb) : null,
    scope?.leadOf ? teamStatuses(db, scope.leadOf) : null,
  ]);
  const docs = team ? all.filter((d) => team.has(d.id)) : all;
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    length: d.length,
    counts: counts.get(d.id) ?? NO_COUNTS,
    status: statuses.get(d.id) ?? 'todo',
    ...(others ? { team: others.get(d.id) ?? [] } : {}),
  }));
}

const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 0);
};

/**
 * The library as the annotator sees it (connected to a team: the team's articles only, `scope`
 * being the server's articles database), re-read re-read after committed writes to this database (also from
 * other tabs and workers) that it shows: documents and statuses at once, span counts once labelling
 * pauses (library-refresh.ts). Why: a re-read and re-render after each label (a DOM change, so
 * Chromium rebuilds every highlight marker and repaints all highlighted text) landed in the next
 * labels' frames: with 9 documents in the library, label p50/p95 18.7/26 ms against 12.4/14.4 ms
 * (docs/performance.md, "Rendering and highlights").
 */
export function useLibrary(
  annotator: string,
  scope: LibraryScope | null = null,
  /** False until the library may be read (start-up paints the last article first): undefined meanwhile. */
  wanted = true,
): LibraryEntry[] | undefined {
  const { db } = useServices();
  const [entries, setEntries] = useState<LibraryEntry[] | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gate = new RefreshGate(() =>
      readLibrary(db, annotator, scope).then(
        (e) => {
          if (live) setEntries(e);
        },
        // A failed read (a closing database, a storage error) leaves the last library shown; the
        // read-only and startup paths report storage problems.
        () => undefined,
      ),
    );
    const load = (): void => {
      clearTimeout(timer);
      gate.request();
    };
    load();
    const off = onDatabaseChanged(db.name, (tables) => {
      const when = libraryRefresh(tables);
      if (when === 'now') return load();
      if (when === null) return;
      clearTimeout(timer);
      timer = setTimeout(() => whenIdle(load), COUNTS_SETTLE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      gate.close();
      off();
    };
    // The scope's fields, not its identity: a re-render must not re-read the library.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, annotator, scope?.articlesDb, scope?.leadOf, wanted]);
  return entries;
}
