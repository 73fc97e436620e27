import Dexie from 'dexie';

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
