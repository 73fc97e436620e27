import { describe, expect, it } from 'vitest';

import { DEFAULT_GUIDELINES } from '../../../renderer/src/core/model/guidelines';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { createBackup } from '../../../renderer/src/db/repositories/backup';
import { classifyStorageError, type StorageProblem } from '../../../renderer/src/db/storage-errors';
import type { HostApi } from '../../../renderer/src/platform/host';
import { BackupService } from '../../../renderer/src/session/backup/backup-service';
import { UserWrites } from '../../../renderer/src/session/commands/user-writes';
import { WriteQueue, type WriteGate } from '../../../renderer/src/session/commands/write-queue';
import { memorySink } from '../db/db-fixtures';
import { fillCorpus } from '../db/durability-corpus';
import { freshDb } from '../db/fresh-db';

const info = { reason: 'manual', appVersion: 't', createdAt: '2025-06-01T12:00:00.000Z' };
const team = { serverUrl: 'http://x', project: 'p', user: 'bob', role: 'annotator' as const };

/** Every row of every table: what "nothing was stored" means. */
async function everything(db: MarginaliaDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return JSON.stringify(out);
}

async function setUp() {
  const db = await freshDb('user-writes');
  await fillCorpus(db);
  const backup = await createBackup(db, info);
  await db.transaction('rw', db.spans, db.spanPacks, () => db.spans.delete('a5'));
  let problem: StorageProblem | null = null;
  const gate: WriteGate = { refusal: () => problem?.message ?? null, report: classifyStorageError };
  const service = new BackupService(db, memorySink(), {} as HostApi);
  const writes = new UserWrites(db, new WriteQueue(gate), new WriteQueue(gate), service);
  const docId = (await db.documents.toCollection().first())?.id ?? '';
  const readOnly = (on: boolean) => {
    problem = on
      ? { kind: 'quota', message: 'The disk is full. Nothing already saved was changed.', detail: 'test' }
      : null;
  };
  return { db, backup, writes, docId, readOnly };
}

/** Every write a feature can start through UserWrites (the import needs a worker: e2e). */
function allWrites(w: UserWrites, docId: string, backup: string) {
  return {
    status: () => w.status(docId, 'alice', 'done'),
    name: () => w.annotatorName('carol'),
    guidelines: () => w.guidelines({ ...DEFAULT_GUIDELINES, claim: { definition: 'Edited.', examples: [] } }),
    team: () => w.team(team),
    labelMaps: () => w.importLabelMaps({ doccano: { PER: 'skip' } }),
    keep: () => w.backupKeep(7),
    last: () => w.remember('lastDocId', docId),
    sidebar: () => w.remember('sidebarOpen', false),
    scroll: () => w.rememberScroll(docId, 120),
    restore: async () => {
      const r = await w.restore(backup, 'b.jsonl');
      return r.ok ? null : r.error;
    },
  };
}

describe('user-data writes outside the command stores pass the one read-only gate', () => {
  it('while read-only each is refused with the read-only message and nothing is stored', async () => {
    const { db, backup, writes, docId, readOnly } = await setUp();
    readOnly(true);
    const before = await everything(db);
    for (const [name, write] of Object.entries(allWrites(writes, docId, backup.content))) {
      expect(await write(), name).toBe('The disk is full. Nothing already saved was changed.');
    }
    expect(await everything(db)).toBe(before);
  });

  it('once read-only ends each one is stored', async () => {
    const { db, backup, writes, docId, readOnly } = await setUp();
    readOnly(true);
    readOnly(false);
    const w = allWrites(writes, docId, backup.content);
    const { restore, ...rest } = w;
    for (const [name, write] of Object.entries(rest)) expect(await write(), name).toBeNull();
    const setting = async (key: string) => (await db.settings.get(key))?.value;
    expect(await db.progress.get([docId, 'alice'])).toMatchObject({ status: 'done' });
    expect(await setting('annotator')).toBe('bob'); // the team's user, written after the name
    expect(await setting('team')).toEqual(team);
    expect(await setting('guidelines')).toMatchObject({ claim: { definition: 'Edited.' } });
    expect(await setting('importLabelMaps')).toEqual({ doccano: { PER: 'skip' } });
    expect(await setting('backupKeep')).toBe(7);
    expect(await setting('lastDocId')).toBe(docId);
    expect(await setting('sidebarOpen')).toBe(false);
    expect(await setting(`scroll:${docId}`)).toBe(120);
    expect(await db.spans.get('a5')).toBeUndefined();
    expect(await restore()).toBeNull();
    expect(await db.spans.get('a5')).toBeDefined();
  });

  it('a bad name or bad guidelines are refused by their checks, nothing written', async () => {
    const { db, writes } = await setUp();
    const before = await everything(db);
    expect(await writes.annotatorName('gold')).toMatch(/reserved/);
    expect(await writes.annotatorName('   ')).toMatch(/enter a name/);
    expect(await writes.guidelines({ claim: 3 })).toMatch(/./);
    expect(await everything(db)).toBe(before);
  });
});
