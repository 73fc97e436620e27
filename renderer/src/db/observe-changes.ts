import Dexie from 'dexie';

/**
 * Calls `listener` after any committed write to the named database, from this window or another
 * (Dexie broadcasts between tabs). Used to back up only while there are changes. Returns the
 * unsubscribe function.
 */
export function onDatabaseChanged(dbName: string, listener: () => void): () => void {
  const handler = (parts: Record<string, unknown>): void => {
    if (Object.keys(parts).some((k) => k.startsWith(`idb://${dbName}/`))) listener();
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
