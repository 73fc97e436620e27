import { expect } from 'vitest';

import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { listSpans } from '../../../renderer/src/db/repositories/annotations';
import { createBackup } from '../../../renderer/src/db/repositories/backup';
import { getDocument } from '../../../renderer/src/db/repositories/documents';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { storedDigest } from '../../../renderer/src/db/repositories/restore';
import { readSnapshot } from '../../../renderer/src/db/snapshot';
import { batchCopy, file } from './batch-copy';
import { freshDb } from './fresh-db';

/**
 * Issue 20's writers: the same library per document (`reference`) and in batch rows (`db`), to
 * apply the same write to both and compare what any reader sees.
 */
export async function twoShapes(lines: number): Promise<{
  reference: MarginaliaDb;
  db: MarginaliaDb;
  ids: string[];
  batchRows: unknown[];
}> {
  const reference = await freshDb('writers-ref');
  await storeImport(reference, file(lines), null, () => 'fresh');
  const db = await batchCopy(reference);
  const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
  return { reference, db, ids, batchRows: await db.table('batches').toArray() };
}

const info = { reason: 'manual', appVersion: 'test', createdAt: '2026-12-06T00:00:00.000Z' };

const WHO = ['alice', 'bob', 'carol', 'dora', 'gold'];

/**
 * Every logical table (the snapshot: documents, texts, spans, statuses, gold, links, settings), the
 * backup's bytes and its digest are those of the per-document reference, and so is what opening
 * each of `ids` shows (document and every set); the batch rows are unchanged.
 */
export async function sameAsReference(
  db: MarginaliaDb,
  reference: MarginaliaDb,
  batchRows: unknown[],
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) {
    expect(await getDocument(db, id)).toEqual(await getDocument(reference, id));
    for (const who of WHO) expect(await listSpans(db, id, who)).toEqual(await listSpans(reference, id, who));
  }
  expect(await readSnapshot(db, db.verno)).toEqual(await readSnapshot(reference, reference.verno));
  expect((await createBackup(db, info)).content).toBe((await createBackup(reference, info)).content);
  expect(await storedDigest(db)).toBe(await storedDigest(reference));
  expect(await db.table('batches').toArray()).toEqual(batchRows);
}
