import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';

import type { Label } from '../../core/model/labels';
import type { DocStatus } from '../../core/model/status';
import { useServices } from '../../app/providers';
import type { MarginaliaDb } from '../../db/database';
import { countSpansByDocument } from '../../db/repositories/span-counts';
import { listDocuments } from '../../db/repositories/documents';
import { listStatuses } from '../../db/repositories/progress';

export interface LibraryEntry {
  id: string;
  title: string;
  length: number;
  counts: Record<Label, number>;
  status: DocStatus;
}

const NO_COUNTS: Record<Label, number> = { claim: 0, quote: 0, figure: 0, speculation: 0 };

/** Span writes (labels) refresh the library once writing has paused this long, in an idle moment. */
export const COUNTS_SETTLE_MS = 500;
/** What each table's writes mean for the library (other tables, such as settings, do not show in it). */
const REFRESH: Readonly<Record<string, 'now' | 'settled'>> = {
  documents: 'now',
  progress: 'now',
  spans: 'settled',
  spanPacks: 'settled',
};

async function readLibrary(db: MarginaliaDb, annotator: string): Promise<LibraryEntry[]> {
  const [docs, counts, statuses] = await Promise.all([
    listDocuments(db),
    countSpansByDocument(db, annotator),
    listStatuses(db, annotator),
  ]);
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    length: d.length,
    counts: counts.get(d.id) ?? NO_COUNTS,
    status: statuses.get(d.id) ?? 'todo',
  }));
}

const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 0);
};

/**
 * The library as the annotator sees it, re-read after every committed write to this database (Dexie's
 * `storagemutated`, which also reports other tabs and workers) to a table it shows. Documents and
 * statuses refresh at once; span counts wait until labelling pauses. Why: the re-read after each label and the library's re-render
 * (a DOM change, so Chromium rebuilds every highlight marker and repaints all highlighted text) landed
 * in the following labels' frames: with 9 documents in the library, label p50/p95 18.7/26 ms against
 * 12.5/15.5 without the re-read (docs/architecture.md, "Rendering and highlights").
 */
export function useLibrary(annotator: string): LibraryEntry[] | undefined {
  const { db } = useServices();
  const [entries, setEntries] = useState<LibraryEntry[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      clearTimeout(timer);
      const mine = ++asked;
      void readLibrary(db, annotator).then(
        (e) => {
          if (live && mine === asked) setEntries(e);
        },
        // A failed read (a closing database, a storage error) leaves the last library shown; the
        // read-only and startup paths report storage problems.
        () => undefined,
      );
    };
    const prefix = `idb://${db.name}/`;
    const onMutated = (parts: ObservabilitySet): void => {
      let when: 'now' | 'settled' | undefined;
      for (const part of Object.keys(parts)) {
        if (!part.startsWith(prefix)) continue;
        const table = part.slice(prefix.length).split('/')[0] ?? '';
        const needs = Object.hasOwn(REFRESH, table) ? REFRESH[table] : undefined;
        if (needs === 'now') return load();
        when = needs ?? when;
      }
      if (!when) return;
      clearTimeout(timer);
      timer = setTimeout(() => whenIdle(load), COUNTS_SETTLE_MS);
    };
    load();
    Dexie.on('storagemutated', onMutated);
    return () => {
      live = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db, annotator]);
  return entries;
}
