import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { readLibraryStart } from '../../../renderer/src/db/corpus/library-first';
import { readLibraryList, readLibraryTables } from '../../../renderer/src/db/corpus/library-read';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import type { DocumentRow } from '../../../renderer/src/db/rows';
import { readLibrary, readLibraryStartEntries } from '../../../renderer/src/session/library/library-model';
import { ANNOTATORS, twoLibraries } from './corpus-mix';

/** The start's entries are the whole read's first ones, with their counts and statuses. */
async function expectPrefix(db: MarginaliaDb, limit: number): Promise<void> {
  for (const a of ANNOTATORS) {
    const whole = await readLibraryTables(db, a);
    const start = await readLibraryStart(db, a, limit);
    expect(start).not.toBeNull();
    const rows = start!.rows;
    expect(rows.length).toBeGreaterThanOrEqual(Math.min(limit, whole.rows.length));
    expect(rows).toEqual(whole.rows.slice(0, rows.length));
    // Complete only when nothing follows (a page that ends exactly at the end may not know it).
    if (start!.complete) expect(rows).toHaveLength(whole.rows.length);
    if (rows.length < whole.rows.length) expect(start!.complete).toBe(false);
    for (const { id } of rows) {
      expect(start!.counts.get(id) ?? null, `${a} counts of ${id}`).toEqual(whole.counts.get(id) ?? null);
      expect(start!.statuses.get(id), `${a} status of ${id}`).toBe(whole.statuses.get(id));
    }
  }
}

/** Issue 20 item 2: the library's first screens are read by `order` range, not the whole library. */
describe("the library's first entries", () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('are the first entries of the whole read, in batches with moved and edited documents', async () => {
    const { db, reference } = await twoLibraries(600, true);
    // A per-document document between the batches' orders and one after them.
    const some = (await reference.documents.orderBy('order').first())!;
    await db.documents.bulkAdd([
      { ...some, id: 'between', order: 200.5 },
      { ...some, id: 'late', order: 10_000 },
    ] satisfies DocumentRow[]);
    for (const limit of [1, 3, 100, 256, 300, 1_000]) await expectPrefix(db, limit);
  });

  it('are the first entries of a per-document library, stopping short of a tie at the page end', async () => {
    const { reference } = await twoLibraries(40, false);
    const some = (await reference.documents.orderBy('order').first())!;
    // Five rows share one order across the page's end.
    await reference.documents.bulkAdd(
      Array.from({ length: 5 }, (_, i) => ({ ...some, id: `tie${i}`, order: 9.5 })),
    );
    for (const limit of [1, 10, 12, 40, 45, 100]) await expectPrefix(reference, limit);
  });

  it('read the first batch heads only, never a batch row', async () => {
    const { db } = await twoLibraries(2_000, false);
    const heads = await db.table('batchHeads').count();
    expect(heads).toBeGreaterThan(4);
    const read = vi.spyOn(db.table('batchHeads'), 'bulkGet');
    const rows = [vi.spyOn(db.table('batches'), 'bulkGet'), vi.spyOn(db.table('batches'), 'get')];
    const start = await readLibraryStart(db, 'alice', 100);
    expect(start!.complete).toBe(false);
    expect(read.mock.calls.flatMap((c) => c[0]).length).toBeLessThanOrEqual(2);
    for (const spy of rows) expect(spy).not.toHaveBeenCalled();
  });

  it("give the library's first entries as the whole read has them", async () => {
    const { db } = await twoLibraries(600, true);
    for (const a of ANNOTATORS) {
      const whole = await readLibrary(db, a, null);
      const start = await readLibraryStartEntries(db, a, null, 50);
      expect(start!.complete).toBe(false);
      expect(start!.entries.length).toBeGreaterThanOrEqual(50);
      expect(start!.entries).toEqual(whole.slice(0, start!.entries.length));
    }
  });

  it('say when they are the whole library', async () => {
    const { db } = await twoLibraries(300, true);
    const start = await readLibraryStart(db, 'alice', 1_000);
    expect(start!.complete).toBe(true);
    expect(start!.rows).toHaveLength(300);
  });
});

describe('the whole library made into entries as the heads arrive', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it("equals the whole read's rows, counts and statuses, documents between and after the batches", async () => {
    const { db, reference } = await twoLibraries(600, true);
    const some = (await reference.documents.orderBy('order').first())!;
    await db.documents.bulkAdd([
      { ...some, id: 'first', order: -5 },
      { ...some, id: 'between', order: 200.5 },
      { ...some, id: 'late', order: 10_000 },
    ] satisfies DocumentRow[]);
    for (const a of ANNOTATORS) {
      const whole = await readLibraryTables(db, a);
      const want = whole.rows.map((r) => ({
        id: r.id,
        title: r.title,
        length: r.length,
        counts: whole.counts.get(r.id),
        status: whole.statuses.get(r.id),
      }));
      expect(await readLibraryList(db, a, (d) => d)).toEqual(want);
      expect(await readLibraryList(db, a, (d) => (d.id === 'between' ? null : d.id))).toEqual(
        want.map((d) => d.id).filter((id) => id !== 'between'),
      );
    }
  });
});
