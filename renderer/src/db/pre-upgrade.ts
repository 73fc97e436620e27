import Dexie from 'dexie';

import type { DatabaseSnapshot } from '../core/backup/snapshot';
import { readSnapshot } from './snapshot';

/**
 * Reads a database that is still at an older schema version, before this code upgrades it: Dexie's
 * `upgrade()` runs inside `open()`, so the only moment to take a pre-upgrade backup is with a
 * schema-less connection that opens whatever version is stored and changes nothing.
 */
export async function readSnapshotBeforeUpgrade(
  name: string,
  storedVersion: number,
): Promise<DatabaseSnapshot> {
  const old = new Dexie(name);
  try {
    await old.open();
    return await readSnapshot(old, storedVersion);
  } finally {
    old.close();
  }
}
