import { describe, expect, it } from 'vitest';

import type { HostApi } from '../../../renderer/src/platform/host';
import { createBackup } from '../../../renderer/src/db/repositories/backup';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { setSetting } from '../../../renderer/src/db/repositories/settings';
import { SnapshotStore } from '../../../renderer/src/db/backup-store';
import { BackupService } from '../../../renderer/src/session/backup/backup-service';
import { browserSink } from '../../../renderer/src/session/backup/backup-sink';
import { RestoreWork } from '../../../renderer/src/session/backup/restore-work';
import { memorySink } from '../db/db-fixtures';
import { fillCorpus } from '../db/durability-corpus';
import { freshDb } from '../db/fresh-db';

const host = {} as HostApi;
const info = { reason: 'manual', appVersion: 't', createdAt: '2025-06-01T12:00:00.000Z' };

async function setUp() {
  const db = await freshDb('service');
  await fillCorpus(db);
  const backup = await createBackup(db, info);
  // The data moves on after the backup: one more span.
  await db.transaction('rw', db.spans, db.spanPacks, () => db.spans.delete('a5'));
  const sink = memorySink();
  return { db, backup, sink, service: new BackupService(db, sink, host) };
}

describe('BackupService restore (issue 19 item 4)', () => {
  it('prepare changes nothing and names the counts now and in the backup, and its date', async () => {
    const { db, backup, service } = await setUp();
    const before = await storedDigest(db);
    const plan = await service.prepare(backup.content, 'b.jsonl');
    expect(plan).toMatchObject({
      ok: true,
      value: {
        name: 'b.jsonl',
        current: { documents: 3, spans: 6 },
        backup: { documents: 3, spans: 7, createdAt: '2025-06-01T12:00:00.000Z' },
        copyProblem: null,
      },
    });
    expect(await storedDigest(db)).toBe(before);
    // The restore that follows uses this check rather than repeating it.
    expect(await service.restore(backup.content, 'b.jsonl')).toMatchObject({ ok: true });
    expect(await service.prepare('not a backup', 'x')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a Marginalia backup.*Nothing was changed/),
    });
  });

  it('keeps the replaced data as a new before-restore backup and tells listeners', async () => {
    const { db, backup, sink, service } = await setUp();
    const replaced = await storedDigest(db);
    let heard = 0;
    service.onRestored(() => heard++);
    const r = await service.restore(backup.content, 'b.jsonl');
    expect(r).toMatchObject({ ok: true, value: { documents: 3, spans: 7, savedAs: '0-before-restore' } });
    expect(heard).toBe(1);
    expect(await storedDigest(db)).toBe(backup.digest);
    // The copy restores what was replaced.
    expect((await service.restoreEntry('0-before-restore')).ok).toBe(true);
    expect(await storedDigest(db)).toBe(replaced);
    expect((await sink.list()).map((e) => e.name)).toEqual(['1-before-restore', '0-before-restore']);
  });

  it('restores nothing when the copy of the current data cannot be written', async () => {
    const { db, backup, sink, service } = await setUp();
    const before = await storedDigest(db);
    sink.write = () => Promise.reject(new Error('disk gone'));
    let heard = 0;
    service.onRestored(() => heard++);
    expect(await service.restore(backup.content, 'b.jsonl')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/could not be written \(disk gone\), so nothing was restored/),
    });
    expect(heard).toBe(0);
    expect(await storedDigest(db)).toBe(before);
  });

  it('damaged current data: the restore says it cannot be copied, and only an explicit choice replaces it', async () => {
    const { db, backup, service } = await setUp();
    await db.transaction('rw', db.spans, db.spanPacks, () => db.spans.update('a1', { end: 99_999_999 }));
    expect(await service.restore(backup.content, 'b.jsonl')).toMatchObject({
      ok: false,
      copyProblem: expect.stringMatching(/outside/),
      error: expect.stringMatching(/damaged .*nothing was restored/),
    });
    expect((await db.spans.get('a1'))?.end).toBe(99_999_999);
    expect(await service.restore(backup.content, 'b.jsonl', { withoutCopy: true })).toMatchObject({
      ok: true,
      value: { savedAs: null },
    });
    expect(await storedDigest(db)).toBe(backup.digest);
  });

  it('keeps at least two backups', async () => {
    const { db, service } = await setUp();
    await service.setKeep(1);
    expect(await service.keep()).toBe(2);
    await setSetting(db, 'backupKeep', 1);
    expect(await service.keep()).toBe(2);
  });
});

// Issue 19 review, item 6: in the browser the restore's worker reads a kept snapshot and keeps the
// copy made before a restore itself, so their megabytes never cross the page's thread. The same
// work runs in process here (no Worker in Node).
describe('BackupService restore from the browser snapshots', () => {
  it('a kept snapshot is named, not read, by the page; the copy made before is kept by the work', async () => {
    const { db, backup } = await setUp();
    const store = new SnapshotStore(`snapshots-${process.pid}-${Date.now()}`);
    const sink = browserSink(store);
    const kept = await sink.write(backup.content, backup.digest, 'manual', 5);
    const replaced = await storedDigest(db);
    const service = new BackupService(
      db,
      { ...sink, read: () => Promise.reject(new Error('read by the page')) },
      host,
    );
    let told = 0;
    service.subscribe(() => told++);
    const plan = await service.prepareEntry(kept.name);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.source).toEqual({ kept: kept.name, store: store.name });
    const r = await service.restore(plan.value.source, kept.name);
    if (!r.ok) throw new Error(r.error);
    expect(await storedDigest(db)).toBe(backup.digest);
    // The copy is the newest kept snapshot, listed for the page, and restores what was replaced.
    const [newest] = await sink.list();
    expect(newest?.name).toBe(r.value.savedAs);
    expect(newest?.name).toMatch(/before-restore/);
    expect(service.lastBackupAt).toBe(newest?.writtenAt);
    expect(told).toBe(1);
    expect((await service.restoreEntry(newest!.name)).ok).toBe(true);
    expect(await storedDigest(db)).toBe(replaced);
    store.close();
  });
});

describe('a cancelled restore confirmation', () => {
  it('drops the checked backup the work held for it', async () => {
    const { db, backup } = await setUp();
    const work = new RestoreWork(db);
    const none = () => undefined;
    expect((await work.check({ content: backup.content }, 'b.jsonl', none)).ok).toBe(true);
    work.forget();
    expect(await work.restore(null, 'b.jsonl', none)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no longer at hand.*Nothing was changed/),
    });
  });
});
