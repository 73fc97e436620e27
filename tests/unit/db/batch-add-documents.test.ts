import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { addDocuments, listDocuments } from '../../../renderer/src/db/repositories/documents';
import { sameAsReference, twoShapes } from './batch-writers';

/**
 * Issue 20: adding documents (the seeds, a pasted article) counts a document held in a batch row as
 * stored, and puts new ones after every document in library order, wherever those are held.
 */
describe('addDocuments on a library held in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('skips texts a batch holds and appends new ones after the batches, as per document', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(20);
    const stored = (await reference.texts.get(ids[6]!))!.text;
    const docs = [
      { text: stored, source: 'paste' },
      { text: 'A new article about the council.', source: 'paste' },
      { text: stored, source: 'again' },
    ];
    const out = await addDocuments(reference, docs);
    expect(out.added).toHaveLength(1);
    expect(await addDocuments(db, docs)).toEqual(out);
    expect(await db.documents.count()).toBe(1);
    await sameAsReference(db, reference, batchRows, [...ids, ...out.added]);
    expect(await listDocuments(db)).toEqual(await listDocuments(reference));
  });
});
