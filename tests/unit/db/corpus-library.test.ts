import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { libraryStatuses } from '../../../renderer/src/db/corpus/library';
import { readLibraryTables } from '../../../renderer/src/db/corpus/library-read';
import { materialize } from '../../../renderer/src/db/batch-store';
import { listDocuments } from '../../../renderer/src/db/repositories/documents';
import { firstDocumentId } from '../../../renderer/src/db/repositories/library-page';
import { listStatuses } from '../../../renderer/src/db/repositories/progress';
import { countSpansByDocument } from '../../../renderer/src/db/repositories/span-counts';
import type { DocumentRow } from '../../../renderer/src/db/rows';
import { ANNOTATORS, twoLibraries } from './corpus-mix';

/** Issue 20: the library list and statuses read documents held in batch rows as per-document ones. */
describe('the library reads documents in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('lists a 300-line library in batches exactly as per document, with every status', async () => {
    const { reference, db, ids } = await twoLibraries(300, false);
    expect(await db.documents.count()).toBe(0);
    const listed = await listDocuments(db);
    expect(listed.map((d) => d.id)).toEqual(ids);
    expect(listed).toEqual(await listDocuments(reference));
    for (const a of ANNOTATORS) {
      const want = await listStatuses(reference, a);
      expect(await libraryStatuses(db, a)).toEqual(want);
      expect(await libraryStatuses(reference, a)).toEqual(want);
    }
  });

  it('a document moved out of its batch and edited is listed once, in its place, as its rows say', async () => {
    const { reference, db, ids } = await twoLibraries(300, true);
    expect(await db.documents.count()).toBe(4);
    // A later per-document document, after the batches.
    const late: DocumentRow = { ...(await reference.documents.get(ids[0]!))!, id: 'x', order: 10_000 };
    for (const x of [reference, db]) await x.documents.add(late);
    const listed = await listDocuments(db);
    expect(listed).toEqual(await listDocuments(reference));
    expect(listed.map((d) => d.id)).toEqual([...ids, 'x']);
    expect(listed[2]!.title).toBe('Renamed in its rows');
    for (const a of ANNOTATORS)
      expect(await libraryStatuses(db, a)).toEqual(await listStatuses(reference, a));
  });

  it('start-up finds the first document in library order wherever it is held', async () => {
    const { reference, db, ids } = await twoLibraries(300, false);
    expect(await firstDocumentId(db)).toBe(ids[0]);
    const tables = ['documents', 'texts', 'spans', 'progress', 'spanPacks', 'batches', 'batchIndex'];
    await db.transaction('rw', tables, () => materialize(db, [ids[0]!]));
    expect(await firstDocumentId(db)).toBe(ids[0]);
    // A per-document document before the batches comes first; without it, the batches' first entry.
    const early: DocumentRow = { ...(await reference.documents.get(ids[0]!))!, id: 'early', order: -1 };
    await db.documents.add(early);
    expect(await firstDocumentId(db)).toBe('early');
    await db.documents.bulkDelete(['early', ids[0]!]);
    expect(await firstDocumentId(db)).toBe(ids[0]);
    await db.table('batches').clear();
    expect(await firstDocumentId(db)).toBeNull();
  });

  it('a live query of the list follows a batch written after it started', async () => {
    const { db } = await twoLibraries(300, false);
    const rows = await db.table('batches').toArray();
    await db.table('batches').clear();
    const seen: number[] = [];
    const sub = liveQuery(() => listDocuments(db)).subscribe((docs) => seen.push(docs.length));
    await vi.waitFor(() => expect(seen).toEqual([0]));
    await db.table('batches').bulkAdd(rows);
    await vi.waitFor(() => expect(seen).toEqual([0, 300]));
    sub.unsubscribe();
  });
});

describe('the whole library in one read', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('gives the list, counts and statuses of the three reads, reading each head once and no batch row', async () => {
    const { db } = await twoLibraries(600, true);
    const batches = db.table('batches');
    const n = await batches.count();
    expect(n).toBeGreaterThan(2);
    for (const a of ANNOTATORS) {
      const read = vi.spyOn(db.table('batchHeads'), 'bulkGet');
      const rows = [vi.spyOn(batches, 'bulkGet'), vi.spyOn(batches, 'get')];
      const whole = await readLibraryTables(db, a);
      expect(read.mock.calls.flatMap((c) => c[0]).length).toBe(n);
      for (const spy of rows) expect(spy).not.toHaveBeenCalled();
      for (const spy of [read, ...rows]) spy.mockRestore();
      expect(whole.rows).toEqual(await listDocuments(db));
      expect(whole.counts).toEqual(await countSpansByDocument(db, a));
      expect(whole.statuses).toEqual(await libraryStatuses(db, a));
    }
  });
});
