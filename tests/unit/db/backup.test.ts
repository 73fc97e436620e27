import { describe, expect, it } from 'vitest';

import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../renderer/src/db/migrations';
import {
  createBackup,
  restoreFromBackup,
  validateBackup,
} from '../../../renderer/src/db/repositories/backup';
import { isDatabaseEmpty, storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { tamper } from './backup-tamper';
import { fillCorpus } from './durability-corpus';
import { freshDb, newDb } from './fresh-db';

const info = { reason: 'manual', appVersion: 'test', createdAt: '2025-01-01T00:00:00.000Z' };

describe('whole-database backup', () => {
  it('is deterministic and framed by a header and an end line with the digest', async () => {
    const db = await freshDb('backup');
    await fillCorpus(db);
    const a = await createBackup(db, info);
    const b = await createBackup(db, info);
    expect(a.content).toBe(b.content);
    const lines = a.content.trimEnd().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      marginalia_backup: 1,
      db_schema_version: CURRENT_SCHEMA_VERSION,
    });
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({
      marginalia_backup_end: 1,
      records: lines.length - 2,
      digest: a.digest,
    });
    expect(a.digest).toBe(await storedDigest(db));
  });

  it('export → wipe → restore gives back every document, span (incl. gold), status and setting', async () => {
    const db = await freshDb('backup');
    await fillCorpus(db);
    const before = await readSnapshot(db, 1);
    const backup = await createBackup(db, info);
    await db.delete();
    const fresh = await freshDb('backup');
    expect(await isDatabaseEmpty(fresh)).toBe(true);
    const report = await restoreFromBackup(fresh, backup.content, 'b.jsonl');
    expect(report).toMatchObject({ ok: true, value: { documents: 3, spans: 7, digest: backup.digest } });
    const after = await readSnapshot(fresh, 1);
    expect(after.documents).toEqual(before.documents);
    expect(after.annotations).toEqual(expect.arrayContaining([...before.annotations]));
    expect(after.annotations).toHaveLength(before.annotations.length);
    expect(after.settings).toEqual(before.settings);
    expect(after.spanExtras).toEqual(before.spanExtras);
    expect(after.spanExtras['g1']).toMatchObject({ provenance: { decidedBy: 'carol' } });
    expect(after.statuses.filter((s) => s.status !== 'todo')).toEqual(
      expect.arrayContaining(before.statuses.filter((s) => s.status !== 'todo')),
    );
    expect(await storedDigest(fresh)).toBe(backup.digest);
  });

  it('refuses a truncated or altered file before touching the database', async () => {
    const db = await freshDb('backup');
    await fillCorpus(db);
    const { content } = await createBackup(db, info);
    const cut = content.slice(0, Math.floor(content.length / 2));
    expect(validateBackup(cut, 'x')).toMatchObject({ ok: false, error: expect.stringMatching(/incomplete/) });
    const altered = content.replace('adjudicated', 'adjudicatez');
    expect(validateBackup(altered, 'x')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/damaged/),
    });
    expect(validateBackup('{"schema_version":1}\n', 'x')).toMatchObject({ ok: false });
    const digest = await storedDigest(db);
    expect(await restoreFromBackup(db, cut, 'x')).toMatchObject({ ok: false });
    expect(await storedDigest(db)).toBe(digest);
  });

  it('restores an empty database backup to an empty database', async () => {
    const db = await freshDb('backup');
    const { content } = await createBackup(db, info);
    await fillCorpus(db);
    expect(await restoreFromBackup(db, content, 'empty.jsonl')).toMatchObject({
      ok: true,
      value: { documents: 0 },
    });
    expect(await db.documents.count()).toBe(0);
  });
});

describe('tables added by later schema versions', () => {
  it('are backed up verbatim and restored (and a build without them refuses the restore)', async () => {
    const withLater = [...MIGRATIONS, { version: CURRENT_SCHEMA_VERSION + 1, stores: { laterTable: 'id' } }];
    const db = newDb('backup', withLater);
    await fillCorpus(db);
    await db.table('laterTable').add({ id: 'd1', kind: 'reject', by: 'carol' });
    const backup = await createBackup(db, info);
    const target = newDb('backup', withLater);
    expect(await restoreFromBackup(target, backup.content, 'b')).toMatchObject({ ok: true });
    expect(await target.table('laterTable').toArray()).toEqual([{ id: 'd1', kind: 'reject', by: 'carol' }]);
    const older = await freshDb('backup');
    expect(await restoreFromBackup(older, backup.content, 'b')).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /made by a newer Marginalia \(database version \d+; this one reads up to \d+\)/,
      ),
    });
    // The same tables claimed at this build's own schema version: unknown, refused before writing.
    const sameVersion = tamper(backup.content, {
      header: (h) => void (h['db_schema_version'] = CURRENT_SCHEMA_VERSION),
    });
    expect(await restoreFromBackup(older, sameVersion, 'b')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not know \(laterTable\).*Nothing was changed/),
    });
  });
});
