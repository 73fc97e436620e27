import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { batchHeadOf } from '../../../renderer/src/db/batch-heads';
import type { BatchRow } from '../../../renderer/src/db/batch-rows';
import { readLibraryTables } from '../../../renderer/src/db/corpus/library-read';
import { storeImport } from '../../../renderer/src/db/repositories/import';
import { file } from './batch-copy';
import { freshDb } from './fresh-db';

/** Issue 20 item 2: the import writes each batch row's head beside it, and the library reads heads only. */
describe('batch heads written by the import', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('one head per batch row, equal to the head built from the row; the library as per document', async () => {
    const reference = await freshDb('heads-ref');
    await storeImport(reference, file(300), null, () => 'fresh');
    const db = await freshDb('heads');
    await storeImport(db, file(300), null, () => 'fresh', undefined, { batchRows: true });
    const rows = (await db.table('batches').toArray()) as BatchRow[];
    expect(rows).toHaveLength(2);
    expect(await db.table('batchHeads').toArray()).toEqual(rows.map(batchHeadOf));
    const read = vi.spyOn(db.table('batches'), 'bulkGet');
    for (const a of ['alice', 'bob', 'carol'])
      expect(await readLibraryTables(db, a)).toEqual(await readLibraryTables(reference, a));
    expect(read).not.toHaveBeenCalled();
  });
});
