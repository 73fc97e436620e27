import { afterEach } from 'vitest';

import { MarginaliaDb } from '../../../renderer/src/db/database';

let n = 0;
const open: MarginaliaDb[] = [];

/** A database with a unique name (not opened yet: Dexie opens on first use), deleted after the test. */
export function newDb(
  prefix = 'test',
  migrations?: ConstructorParameters<typeof MarginaliaDb>[1],
): MarginaliaDb {
  const db = new MarginaliaDb(`${prefix}-${process.pid}-${n++}`, migrations);
  open.push(db);
  return db;
}

/** An empty, opened database with a unique name, deleted after the test. */
export async function freshDb(prefix = 'test'): Promise<MarginaliaDb> {
  const db = newDb(prefix);
  await db.open();
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});
