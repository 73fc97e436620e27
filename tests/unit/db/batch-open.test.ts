import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { materialize } from '../../../renderer/src/db/batch-store';
import { applyAnnotationCommand, listSpans } from '../../../renderer/src/db/repositories/annotations';
import { getDocument } from '../../../renderer/src/db/repositories/documents';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { batchCopy, file } from './batch-copy';
import { freshDb } from './fresh-db';

/** Issue 20: opening a document held in a batch row reads what opening it per document reads. */
const WHO = ['alice', 'bob', 'carol', 'nobody'];

describe('the open path reads documents in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('every document and every set of a 300-line import, as per-document rows give them', async () => {
    const reference = await freshDb('open-ref');
    await storeImport(reference, file(300), null, () => 'fresh');
    const db = await batchCopy(reference);
    const ids = (await reference.documents.orderBy('order').primaryKeys()) as string[];
    for (const id of ids) {
      expect(await getDocument(db, id)).toEqual(await getDocument(reference, id));
      for (const a of WHO) expect(await listSpans(db, id, a)).toEqual(await listSpans(reference, id, a));
    }
    // A batch document's open stores nothing (no empty pack that would hide its batch's spans).
    expect(await db.spanPacks.count()).toBe(0);
    expect(await getDocument(db, 'sha256:unknown')).toBeUndefined();
  });

  it('a document moved out of its batch and labelled opens from its rows', async () => {
    const reference = await freshDb('open-ref');
    await storeImport(reference, file(12), null, () => 'fresh');
    const db = await batchCopy(reference);
    const id = ((await reference.documents.orderBy('order').primaryKeys()) as string[])[3]!;
    const tables = ['documents', 'texts', 'spans', 'progress', 'spanPacks', 'batches', 'batchIndex'];
    await db.transaction('rw', tables, () => materialize(db, [id]));
    const span = { id: 'new', start: 0, end: 2, label: 'claim' as const, note: '' };
    for (const x of [db, reference]) await applyAnnotationCommand(x, id, 'alice', { kind: 'create', span });
    expect(await getDocument(db, id)).toEqual(await getDocument(reference, id));
    for (const a of WHO) expect(await listSpans(db, id, a)).toEqual(await listSpans(reference, id, a));
  });
});
