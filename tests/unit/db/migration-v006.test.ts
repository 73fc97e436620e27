import { describe, expect, it } from 'vitest';

import { openAppDatabase } from '../../../renderer/src/app/startup/open-app-database';
import { contentDigest } from '../../../renderer/src/core/backup/snapshot';
import { MarginaliaDb } from '../../../renderer/src/db/database';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { linksOfDocument } from '../../../renderer/src/db/repositories/links';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { dbFixtures, loadFixture, memorySink } from './db-fixtures';

const fixture = (v: number) => dbFixtures().find((f) => f.fixture.version === v)!.fixture;

describe('schema v6: the links table', () => {
  it('upgrades a v5 database: every row kept, an empty links table, the digest of the work unchanged', async () => {
    const name = `v006-${process.pid}`;
    await loadFixture(name, fixture(5));
    const old = new MarginaliaDb(name, MIGRATIONS.slice(0, 5));
    await old.open();
    const digestV5 = await storedDigest(old);
    old.close();
    const result = await openAppDatabase({ name, sink: memorySink() });
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    const db = result.db;
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.links.count()).toBe(0);
    // The only difference a backup sees is the new, empty table.
    const snap = await readSnapshot(db, db.verno);
    expect(snap.extraTables['links']).toEqual([]);
    const { links: _l, ...withoutLinks } = snap.extraTables;
    expect(contentDigest({ ...snap, extraTables: withoutLinks })).toBe(digestV5);
    await db.delete();
  });

  it("a v6 database's link is found from its document and goes when its span is deleted", async () => {
    const name = `v006-links-${process.pid}`;
    const v6 = fixture(6);
    await loadFixture(name, v6);
    const result = await openAppDatabase({ name, sink: memorySink() });
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    const db = result.db;
    const link = v6.stores['links']![0] as { from: { docId: string } };
    expect(await linksOfDocument(db, link.from.docId, 'alice')).toEqual(v6.stores['links']);
    const a1 = (await db.spans.get('a1'))!;
    const { docId: _d, annotator: _a, updatedAt: _u, ...span } = a1;
    await applyAnnotationCommand(db, a1.docId, 'alice', { kind: 'delete', span });
    expect(await db.links.count()).toBe(0);
    await db.delete();
  });
});
