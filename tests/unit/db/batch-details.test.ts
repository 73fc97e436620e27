import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setMeta, setText } from '../../../renderer/src/core/model/document-details';
import {
  applyDocumentDetailsEdit,
  readDocumentDetails,
} from '../../../renderer/src/db/repositories/document-details';
import { sameAsReference, twoShapes } from './batch-writers';

/** Issue 20: Document details read and edit a document held in a batch row as a per-document one. */
describe('document details of a document held in a batch row', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('are read, and a title and a metadata field are edited, as per document', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(30);
    const [a, b] = [ids[3]!, ids[9]!]; // ids[9]'s meta is { n: 9, tag: 'x' }
    for (const id of [a, b])
      expect(await readDocumentDetails(db, id)).toEqual(await readDocumentDetails(reference, id));
    const before = (await readDocumentDetails(reference, a))!;
    const meta = (await readDocumentDetails(reference, b))!;
    for (const x of [db, reference]) {
      await applyDocumentDetailsEdit(x, a, setText(before, 'title', 'Budget passes'));
      await applyDocumentDetailsEdit(x, b, setMeta(meta, 'author', 'Ann'));
    }
    expect(await db.documents.count()).toBe(2);
    await sameAsReference(db, reference, batchRows, ids);
    for (const id of [a, b])
      expect(await readDocumentDetails(db, id)).toEqual(await readDocumentDetails(reference, id));
  });

  it('an edit clashing with the stored title is refused, and nothing moves', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(10);
    const id = ids[2]!;
    const stale = { ...(await readDocumentDetails(reference, id))!, title: 'Seen elsewhere' };
    const refusal = (x: typeof db) =>
      applyDocumentDetailsEdit(x, id, setText(stale, 'title', 'Mine')).then(
        () => 'stored',
        (e: Error) => e.message,
      );
    expect(await refusal(db)).toBe(await refusal(reference));
    expect(await db.documents.count()).toBe(0);
    await sameAsReference(db, reference, batchRows, ids);
  });
});
