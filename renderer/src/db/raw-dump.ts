import type Dexie from 'dexie';

/**
 * Every row of every table, exactly as stored, as one JSON text: the way out when stored data
 * cannot be shown or backed up (a backup validates; this does not). Derived tables are left out.
 * One read transaction. O(database size).
 */
export async function dumpRawData(db: Dexie): Promise<string> {
  const tables = db.tables.filter((t) => t.name !== 'spanPacks');
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  const out: Record<string, unknown> = { marginalia_raw_data: 1, db_schema_version: db.verno };
  tables.forEach((t, i) => (out[t.name] = rows[i]));
  return `${JSON.stringify(out, null, 1)}\n`;
}
