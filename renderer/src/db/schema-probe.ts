/**
 * The schema version a database was last opened with, read WITHOUT opening it: `indexedDB.open`
 * without a version would create an empty database, and Dexie, asked to open an older version than
 * stored, silently reopens at the newer one. Dexie stores version × 10 as the native version.
 * Returns null when the database does not exist (or the browser cannot list databases).
 */
export async function storedSchemaVersion(name: string, idb: IDBFactory = indexedDB): Promise<number | null> {
  if (typeof idb.databases !== 'function') return null;
  const all = await idb.databases();
  const found = all.find((d) => d.name === name);
  return found?.version ? found.version / 10 : null;
}
