import { describe, expect, it } from 'vitest';

import { openAppDatabase } from '../../../renderer/src/app/startup/open-app-database';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { dbFixtures, dumpStores, loadFixture, memorySink } from './db-fixtures';

const fixture = (v: number) => dbFixtures().find((f) => f.fixture.version === v)!.fixture;
const info = { reason: 'manual', appVersion: 'test', createdAt: '2026-12-06T00:00:00.000Z' };

/** Issue 20: schema v8 adds the corpus storage tables, empty; nothing a reader or a backup sees changes. */
describe('schema v8: the batch-row tables', () => {
  it('upgrades a v7 database: every row kept, two empty tables, the digest and the backup unchanged', async () => {
    const name = `v008-${process.pid}`;
    await loadFixture(name, fixture(7));
    const old = new MarginaliaDb(name, MIGRATIONS.slice(0, 7));
    await old.open();
    const digestV7 = await storedDigest(old);
    const backupV7 = await createBackup(old, info);
    old.close();
    const result = await openAppDatabase({ name, sink: memorySink() });
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    const db = result.db;
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect(await db.table('batches').count()).toBe(0);
    expect(await db.table('batchIndex').count()).toBe(0);
    // Storage, not content: a snapshot carries neither table, so the digest stays the v7 one.
    const snap = await readSnapshot(db, db.verno);
    expect(Object.keys(snap.extraTables)).not.toContain('batches');
    expect(Object.keys(snap.extraTables)).not.toContain('batchIndex');
    expect(await storedDigest(db)).toBe(digestV7);
    // A backup made at v7 restores into v8 with its digest checked as made: the same content.
    db.close();
    const before = await dumpStores(name);
    const again = new MarginaliaDb(name);
    await again.open();
    expect(await restoreFromBackup(again, backupV7.content, 'v7.jsonl')).toMatchObject({ ok: true });
    expect(await storedDigest(again)).toBe(digestV7);
    again.close();
    const after = await dumpStores(name);
    for (const table of ['documents', 'texts', 'links'])
      expect(after.stores[table]).toEqual(before.stores[table]);
    await new MarginaliaDb(name).delete();
  });
});
