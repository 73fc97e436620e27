import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import Dexie from 'dexie';

import type { BackupEntry, BackupSink } from '../../../renderer/src/session/backup/backup-sink';
import { MIGRATIONS, type Migration } from '../../../renderer/src/db/migrations';

export const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/db');

export interface DbFixture {
  version: number;
  stores: Record<string, Record<string, unknown>[]>;
}

/** Every stored snapshot, one per released schema version (`vNNN.json`). */
export function dbFixtures(): { file: string; fixture: DbFixture }[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => /^v\d{3}\.json$/.test(f))
    .sort()
    .map((file) => ({
      file,
      fixture: JSON.parse(readFileSync(path.join(FIXTURE_DIR, file), 'utf8')) as DbFixture,
    }));
}

/**
 * Writes a fixture into a real (fake-indexeddb) database declared exactly as that version was
 * released — the migrations up to it — so the app's current code then finds it as an old user would.
 */
export async function loadFixture(
  name: string,
  fixture: DbFixture,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const db = new Dexie(name);
  for (const m of migrations.filter((x) => x.version <= fixture.version))
    db.version(m.version).stores(m.stores);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.stores)) await db.table(table).bulkAdd(rows);
  });
  db.close();
}

/** Reads every store of a database without declaring a schema (so nothing is upgraded). */
export async function dumpStores(
  name: string,
): Promise<{ version: number; stores: Record<string, unknown[]> }> {
  const db = new Dexie(name);
  await db.open();
  const stores: Record<string, unknown[]> = {};
  for (const t of db.tables) stores[t.name] = await t.toArray();
  const version = db.verno;
  db.close();
  return { version, stores };
}

/** A backup sink in memory, standing in for Electron's folder or the browser's second database. */
export function memorySink(): BackupSink & { files: Map<string, string> } {
  const files = new Map<string, string>();
  const entries: BackupEntry[] = [];
  return {
    kind: 'browser',
    location: 'memory',
    files,
    write: async (content, _digest, reason) => {
      const e = {
        name: `${entries.length}-${reason}`,
        writtenAt: new Date().toISOString(),
        bytes: content.length,
      };
      files.set(e.name, content);
      entries.unshift(e);
      return e;
    },
    list: async () => [...entries],
    read: async (n) => files.get(n) ?? '',
  };
}
