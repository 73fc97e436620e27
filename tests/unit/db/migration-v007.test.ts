import { describe, expect, it } from 'vitest';

import { openAppDatabase } from '../../../renderer/src/app/startup/open-app-database';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../renderer/src/db/migrations';
import { applyAdjudicationStep, loadAdjudication } from '../../../renderer/src/db/repositories/adjudication';
import { createBackup, restoreFromBackup } from '../../../renderer/src/db/repositories/backup';
import { listStatuses } from '../../../renderer/src/db/repositories/progress';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { dbFixtures, loadFixture, memorySink } from './db-fixtures';
import { freshDb, newDb } from './fresh-db';

const fixture = (v: number) => dbFixtures().find((f) => f.fixture.version === v)!.fixture;
const info = { reason: 'manual', appVersion: 'test', createdAt: '2025-01-01T00:00:00.000Z' };
type Row = Record<string, unknown>;

// Issue 17: gold's document status had no table of its own; it was a `progress` row under the
// reserved annotator name "gold". Since v7 it is a `goldStatus` row (key docId).
describe('schema v7: gold status in its own table', () => {
  it('upgrades a v6 database: every gold status moves to goldStatus, the digest of the work unchanged', async () => {
    const name = `v007-${process.pid}`;
    const v6 = fixture(6);
    const goldRows = (v6.stores['progress'] as Row[]).filter((r) => r['annotator'] === 'gold');
    expect(goldRows.length).toBeGreaterThan(0);
    await loadFixture(name, v6);
    const old = new MarginaliaDb(name, MIGRATIONS.slice(0, 6));
    await old.open();
    const digestV6 = await storedDigest(old);
    old.close();
    const result = await openAppDatabase({ name, sink: memorySink() });
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    const db = result.db;
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.table('goldStatus').toArray()).toEqual(
      goldRows.map(({ annotator: _gold, ...rest }) => rest),
    );
    expect(await db.progress.where('annotator').equals('gold').count()).toBe(0);
    expect(await db.progress.count()).toBe((v6.stores['progress'] as Row[]).length - goldRows.length);
    // A backup still lists gold's status as the participant "gold": the same digest as before.
    expect(await storedDigest(db)).toBe(digestV6);
    const [{ docId, status }] = goldRows as [{ docId: string; status: string }];
    expect((await listStatuses(db, 'gold')).get(docId)).toBe(status);
    await db.delete();
  });

  it('a backup made at v6 restores with its digest, gold status into goldStatus; a v7 backup is the same', async () => {
    const name = `v007-backup-${process.pid}`;
    await loadFixture(name, fixture(6));
    const old = new MarginaliaDb(name, MIGRATIONS.slice(0, 6));
    await old.open();
    const v6Backup = await createBackup(old, info);
    old.close();
    expect(v6Backup.content).toMatch(/"annotator":"gold"/);
    const target = await freshDb('v007-target');
    expect(await restoreFromBackup(target, v6Backup.content, 'v6.jsonl')).toMatchObject({
      ok: true,
      value: { digest: v6Backup.digest },
    });
    expect(await target.table('goldStatus').count()).toBe(1);
    expect(await target.progress.where('annotator').equals('gold').count()).toBe(0);
    // The same database upgraded in place backs up with the same records and digest: gold's status
    // is listed as the participant "gold" exactly as before.
    const upgraded = await openAppDatabase({ name, sink: memorySink() });
    if (upgraded.kind !== 'ready') throw new Error(JSON.stringify(upgraded));
    const v7Backup = await createBackup(upgraded.db, info);
    expect(v7Backup.digest).toBe(v6Backup.digest);
    // The records (between the header and the trailer, whose checksum covers the header) are equal.
    const records = (c: string) => c.split('\n').slice(1, -2);
    expect(records(v7Backup.content)).toEqual(records(v6Backup.content));
    expect(JSON.parse(v7Backup.content.split('\n')[0]!)).toMatchObject({
      db_schema_version: CURRENT_SCHEMA_VERSION,
    });
    await upgraded.db.delete();
  });

  it("adjudication writes and reads gold's status in goldStatus, never in progress", async () => {
    const db = newDb('v007-adjudicate');
    const docId = 'sha256:00';
    await applyAdjudicationStep(db, docId, { description: 'x', commands: [], rejected: [], unrejected: [] });
    expect(await db.table('goldStatus').toArray()).toEqual([
      { docId, status: 'in_progress', updatedAt: expect.any(Number) },
    ]);
    await applyAdjudicationStep(db, docId, {
      description: 'done',
      commands: [],
      rejected: [],
      unrejected: [],
      status: { before: 'in_progress', after: 'done' },
    });
    expect((await loadAdjudication(db, docId, [])).status).toBe('done');
    expect(await db.progress.count()).toBe(0);
  });
});
