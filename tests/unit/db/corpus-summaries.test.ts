import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { libraryStatuses } from '../../../renderer/src/db/corpus/library';
import { keepBatchSummaries } from '../../../renderer/src/db/corpus/library-summaries';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { onRowsChanged } from '../../../renderer/src/db/observe-changes';
import { listDocuments } from '../../../renderer/src/db/repositories/documents';
import { countSpansByDocument } from '../../../renderer/src/db/repositories/span-counts';
import { documentsOfAnnotator } from '../../../renderer/src/db/repositories/library-search';
import { twoLibraries } from './corpus-mix';

/**
 * Issue 20: the library's re-reads (after every label or status) read only batch heads they have not
 * kept yet, and a cleared or rewritten `batches` table (a restore, then an import) is read afresh.
 */
const stops: (() => void)[] = [];
const keep = (db: MarginaliaDb) =>
  stops.push(keepBatchSummaries(db, (l) => onRowsChanged(db.name, 'batches', l)));

describe('batch summaries kept across library reads', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => {
    vi.restoreAllMocks();
    for (const stop of stops.splice(0)) stop();
  });

  it('a re-read reads no batch head; a new batch row has its head read alone', async () => {
    const { reference, db } = await twoLibraries(300, false);
    keep(db);
    const batches = db.table('batches');
    const read = vi.spyOn(db.table('batchHeads'), 'bulkGet');
    const rows = await batches.toArray();
    expect(rows.length).toBeGreaterThan(1);
    const last = rows.at(-1)!;
    await batches.delete(last.n);
    await listDocuments(db);
    expect(read.mock.calls.flatMap((c) => c[0])).toEqual(rows.slice(0, -1).map((r) => r.n));
    read.mockClear();
    for (const a of ['alice', 'bob']) {
      await libraryStatuses(db, a);
      await countSpansByDocument(db, a);
      await documentsOfAnnotator(db, a);
    }
    expect(read).not.toHaveBeenCalled();
    await batches.add(last);
    expect(await listDocuments(db)).toEqual(await listDocuments(reference));
    expect(read.mock.calls.flatMap((c) => c[0])).toEqual([last.n]);
  });

  it('a restore that clears the batches, then an import that writes the same numbers, is read afresh', async () => {
    const big = await twoLibraries(300, false);
    const small = await twoLibraries(20, false);
    const { db } = big;
    keep(db);
    expect(await listDocuments(db)).toHaveLength(300);
    expect((await countSpansByDocument(db, 'alice')).size).toBeGreaterThan(50);
    // As a restore clears them: a batch row and its head, in one transaction.
    await db.transaction('rw', ['batches', 'batchHeads'], () =>
      Promise.all(['batches', 'batchHeads'].map((t) => db.table(t).clear())),
    );
    // Written past Dexie, so only the clear's announcement (every key) tells the library.
    const rows = await small.db.table('batches').toArray();
    const heads = await small.db.table('batchHeads').toArray();
    await new Promise((done, fail) => {
      const tx = db.backendDB().transaction(['batches', 'batchHeads'], 'readwrite');
      for (const row of rows) tx.objectStore('batches').add(row);
      for (const head of heads) tx.objectStore('batchHeads').add(head);
      tx.oncomplete = done;
      tx.onabort = () => fail(tx.error);
    });
    expect(await listDocuments(db)).toEqual(await listDocuments(small.reference));
    expect(await countSpansByDocument(db, 'alice')).toEqual(
      await countSpansByDocument(small.reference, 'alice'),
    );
    expect(await libraryStatuses(db, 'bob')).toEqual(await libraryStatuses(small.reference, 'bob'));
  });

  it('without a watcher, every read reads every batch head (nothing could tell it of a change)', async () => {
    const { db } = await twoLibraries(300, false);
    const read = vi.spyOn(db.table('batchHeads'), 'bulkGet');
    await listDocuments(db);
    const once = read.mock.calls.length;
    expect(once).toBeGreaterThan(0);
    await listDocuments(db);
    expect(read.mock.calls.length).toBe(2 * once);
    // A watcher stopped by all who asked for it keeps nothing either.
    keepBatchSummaries(db, (l) => onRowsChanged(db.name, 'batches', l))();
    await listDocuments(db);
    expect(read.mock.calls.length).toBe(3 * once);
  });
});
