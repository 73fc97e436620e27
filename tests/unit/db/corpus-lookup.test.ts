import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { batchIndexRows } from '../../../renderer/src/db/batch-index';
import { materialize } from '../../../renderer/src/db/batch-store';
import { encodeBatch } from '../../../renderer/src/db/batch-rows';
import { countLibrary } from '../../../renderer/src/db/corpus/library-count';
import { libraryDocumentsOf } from '../../../renderer/src/db/corpus/library-lookup';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { titlesOf } from '../../../renderer/src/db/repositories/team-progress';
import type { DocumentRow } from '../../../renderer/src/db/rows';
import { twoLibraries } from './corpus-mix';

/**
 * Issue 20: the library's lookups by id (the lead's titles, sync messages' titles, link ends' titles
 * and texts) and its count (the export's progress) see documents held in batch rows.
 */
async function sameLookups(db: MarginaliaDb, reference: MarginaliaDb, ids: string[]): Promise<void> {
  const asked = [...ids.slice(0, 40), 'sha256:00nowhere', 'not-a-hash', ...ids.slice(140, 160), ids[299]!];
  expect(await titlesOf(db, asked)).toEqual(await titlesOf(reference, asked));
  const held = (await reference.documents.bulkGet(asked)).filter((d) => d !== undefined).map((d) => d.id);
  expect(held.length).toBeGreaterThanOrEqual(asked.length - 2);
  expect([...(await titlesOf(db, asked)).keys()]).toEqual(held);
  const docs = await libraryDocumentsOf(db, asked, true);
  expect(docs).toEqual(await libraryDocumentsOf(reference, asked, true));
  expect(docs.filter((d) => d?.text !== undefined)).toHaveLength(held.length);
  expect(await libraryDocumentsOf(db, asked, false)).toEqual(
    await libraryDocumentsOf(reference, asked, false),
  );
  expect(await countLibrary(db)).toBe(await reference.documents.count());
}

describe('library lookups and the count read documents in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('a 300-line library in batches', async () => {
    const { reference, db, ids } = await twoLibraries(300, false);
    await sameLookups(db, reference, ids);
    expect(await countLibrary(db)).toBe(300);
  });

  it('documents moved out of their batches and edited, and one of another id shape', async () => {
    const { reference, db, ids } = await twoLibraries(300, true);
    const late: DocumentRow = {
      ...(await reference.documents.get(ids[0]!))!,
      id: 'not-a-hash',
      order: 10_000,
    };
    for (const x of [reference, db]) {
      await x.documents.add(late);
      await x.texts.add({ id: late.id, text: 'Other shape.' });
    }
    // A batch written later holding a document whose id is not a hash (its index bucket is "-").
    const plain = { ...late, id: 'plain-1', order: 20_000, length: 6 };
    const entry = { document: plain, text: 'Plain.', spans: [], statuses: [] };
    const row = encodeBatch(1_000, [entry])!;
    await db.table('batches').add(row);
    await db.table('batchIndex').bulkAdd(batchIndexRows([row]));
    await reference.documents.add(plain);
    await reference.texts.add({ id: plain.id, text: entry.text });
    await sameLookups(db, reference, [...ids, 'not-a-hash', 'plain-1']);
    expect((await titlesOf(db, [ids[2]!])).get(ids[2]!)).toBe('Renamed in its rows');
    expect(await countLibrary(db)).toBe(302);
    const tables = ['documents', 'texts', 'spans', 'progress', 'spanPacks', 'batches', 'batchIndex'];
    await db.transaction('rw', tables, () => materialize(db, ['plain-1']));
    expect(await countLibrary(db)).toBe(302);
  });
});
