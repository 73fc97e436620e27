import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { documentIdForText } from '../../../renderer/src/core/text/text-hash';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { findBatchEntry, materialize } from '../../../renderer/src/db/batch-store';
import { listSpans } from '../../../renderer/src/db/repositories/annotations';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { batchCopy, file } from './batch-copy';
import { freshDb } from './fresh-db';

/**
 * Issue 20's copy-on-first-write (docs/architecture.md, "Corpus storage in batch rows"): a document
 * moved out of its batch must get exactly the rows today's import writes for it, byte for byte.
 */
const TABLES = ['documents', 'texts', 'spans', 'progress'] as const;

async function rowsOf(db: MarginaliaDb): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) out[t] = (await db.table(t).toArray()).map((r) => JSON.stringify(r));
  return out;
}

const moveAll = (db: MarginaliaDb, ids: string[]) =>
  db.transaction('rw', [...TABLES, 'spanPacks', 'batches', 'batchIndex'], () => materialize(db, ids));

describe('materialize: a document leaves its batch with exactly the rows the import writes', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('every document, text, span and status of a 600-line import, byte for byte', async () => {
    const reference = await freshDb('batch-ref');
    await storeImport(reference, file(600), null, () => 'fresh');
    const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
    const db = await batchCopy(reference);
    expect(await db.table('batches').count()).toBe(3); // 150, then 450 = 256 + 194
    expect(await db.documents.count()).toBe(0);

    expect(await moveAll(db, ids)).toEqual(ids);
    expect(await rowsOf(db)).toEqual(await rowsOf(reference));
    for (const id of ids.slice(0, 30))
      for (const a of ['alice', 'bob', 'carol'])
        expect(await listSpans(db, id, a)).toEqual(await listSpans(reference, id, a));
  });

  it('moves a document once: a later write to its rows is never overwritten by its batch entry', async () => {
    const reference = await freshDb('batch-ref');
    await storeImport(reference, file(20), null, () => 'fresh');
    const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
    const db = await batchCopy(reference);
    const id = ids[1]!;
    expect(await moveAll(db, [id, id])).toEqual([id]);
    await db.transaction('rw', ['spans', 'spanPacks', 'progress'], async () => {
      await db.spans.update('b1', { label: 'quote', updatedAt: 1 });
      await db.progress.put({ docId: id, annotator: 'bob', status: 'done', updatedAt: 2 });
    });
    const after = await rowsOf(db);
    expect(await moveAll(db, ids.slice(0, 3))).toEqual([ids[0], ids[2]]);
    const again = await rowsOf(db);
    expect(again['spans']).toContain(after['spans']!.find((r) => r.includes('"b1"')));
    expect(again['progress']).toContain(
      JSON.stringify({ docId: id, annotator: 'bob', status: 'done', updatedAt: 2 }),
    );
    expect(await moveAll(db, ids.slice(0, 3))).toEqual([]);
  });

  it('finds nothing for a document in no batch, and leaves per-document documents alone', async () => {
    const reference = await freshDb('batch-ref');
    await storeImport(reference, file(5), null, () => 'fresh');
    const db = await batchCopy(reference);
    const unknown = documentIdForText('not stored');
    expect(
      await db.transaction('r', ['batches', 'batchIndex'], () => findBatchEntry(db, unknown)),
    ).toBeUndefined();
    expect(await moveAll(db, [unknown])).toEqual([]);
    expect(await db.documents.count()).toBe(0);
  });
});
