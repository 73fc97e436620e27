import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { materialize } from '../../../renderer/src/db/batch-store';
import { applyAnnotationCommand } from '../../../renderer/src/db/repositories/annotations';
import { createBackup } from '../../../renderer/src/db/repositories/backup';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { batchCopy, file } from './batch-copy';
import { freshDb } from './fresh-db';

/**
 * Issue 20: a backup cannot tell which shape holds the data. Documents in batch rows are read by the
 * snapshot as the per-document rows they stand for: same snapshot, same backup bytes, same digest.
 */
const info = { reason: 'manual', appVersion: 'test', createdAt: '2026-12-06T00:00:00.000Z' };

async function sameBackup(db: MarginaliaDb, reference: MarginaliaDb): Promise<void> {
  expect(await readSnapshot(db, db.verno)).toEqual(await readSnapshot(reference, reference.verno));
  expect((await createBackup(db, info)).content).toBe((await createBackup(reference, info)).content);
  expect(await storedDigest(db)).toBe(await storedDigest(reference));
}

describe('the snapshot reads documents in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('a 400-line import held in batches backs up byte for byte as held per document', async () => {
    const reference = await freshDb('snap-ref');
    await storeImport(reference, file(400), null, () => 'fresh');
    const db = await batchCopy(reference);
    expect(await db.documents.count()).toBe(0);
    await sameBackup(db, reference);
  });

  it('a document moved out of its batch and edited is read once, with its edit', async () => {
    const reference = await freshDb('snap-ref');
    await storeImport(reference, file(30), null, () => 'fresh');
    const db = await batchCopy(reference);
    const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
    const id = ids[4]!;
    await db.transaction(
      'rw',
      ['documents', 'texts', 'spans', 'progress', 'spanPacks', 'batches', 'batchIndex'],
      () => materialize(db, [id]),
    );
    const span = { id: 'new', start: 0, end: 4, label: 'claim' as const, note: '' };
    for (const x of [db, reference]) await applyAnnotationCommand(x, id, 'dora', { kind: 'create', span });
    expect(await db.documents.count()).toBe(1);
    await sameBackup(db, reference);
  });
});
