import { expect } from 'vitest';

import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { createBackup } from '../../../renderer/src/db/repositories/backup';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';

/**
 * Comparing two databases only through the app's readers (never a table by name): so one holding
 * documents in batch rows and one in per-document rows compare equal exactly when no reader can
 * tell them apart (issue 20, docs/architecture.md "Tests that must hold").
 */
const info = { reason: 'manual', appVersion: 'test', createdAt: '2026-12-06T00:00:00.000Z' };

/** What a backup sees: the logical tables (the snapshot), the backup's bytes and the digest. */
export async function sameStored(db: MarginaliaDb, reference: MarginaliaDb): Promise<void> {
  expect(await readSnapshot(db, db.verno)).toEqual(await readSnapshot(reference, reference.verno));
  expect((await createBackup(db, info)).content).toBe((await createBackup(reference, info)).content);
  expect(await storedDigest(db)).toBe(await storedDigest(reference));
}
