import Dexie, { RangeSet } from 'dexie';

/**
 * Calls `listener` after any committed write to the named database, from this window or another
 * (Dexie broadcasts between tabs), with the names of the tables written. Used to back up only while
 * there are changes, and to refresh the library. Returns the unsubscribe function.
 */
export function onDatabaseChanged(
  dbName: string,
  listener: (tables: ReadonlySet<string>) => void,
): () => void {
  const prefix = `idb://${dbName}/`;
  const handler = (parts: Record<string, unknown>): void => {
    const tables = new Set<string>();
    // Parts are `idb://${dbName}/${table}/${index}`.
    for (const part of Object.keys(parts))
      if (part.startsWith(prefix)) tables.add(part.slice(prefix.length).split('/')[0] ?? '');
    if (tables.size > 0) listener(tables);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}

/**
 * For a bulk writer (the import worker's connection; call before it opens): its writes are not
 * announced key by key, and `announce()` tells every window once that each of its tables changed.
 *
 * Why: Dexie announces a commit to the other windows and workers with every key it wrote. After a
 * 100,000-line import that message was ~41 MB, and deserializing it froze the page's main thread for
 * ~0.5 s (measured with the bench's import; docs/architecture.md). One coarse announcement re-runs
 * the page's live queries just the same.
 */
export function announceInBulk(db: Dexie): { announce(): void } {
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  return {
    announce() {
      const everything = new RangeSet(-Infinity, [[]]);
      const parts: Record<string, RangeSet> = { all: everything };
      for (const t of db.tables) parts[`idb://${db.name}/${t.name}/`] = everything;
      Dexie.on('storagemutated').fire(parts);
    },
  };
}
