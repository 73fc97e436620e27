import { describe, expect, it } from 'vitest';

import { isDatabaseEmpty } from '../../../renderer/src/db/repositories/restore';
import { documentToRow } from '../../../renderer/src/db/rows';
import { countReads } from './count-reads';
import { newDb } from './fresh-db';

// Issue 20 item 2: start-up asked whether the database is empty with count() on documents and
// spans; Chromium counts by walking every key (~2.9 s at 100,005 documents, 200,000 spans).

describe('start-up: is the database empty', () => {
  it('looks at one key per table, never counts a table', async () => {
    const db = newDb('startup-reads');
    const reads = countReads(db);
    await db.open();
    await db.transaction('rw', db.documents, db.texts, () =>
      db.documents.bulkAdd(
        Array.from({ length: 2_000 }, (_, i) =>
          documentToRow({ id: `d${i}`, title: `T${i}`, text: 'x', source: 's', meta: {} }, i, 0),
        ),
      ),
    );
    reads.clear();
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect([...reads.keys()].filter((k) => k.endsWith('.count'))).toEqual([]);
    for (const [table, n] of reads) expect(n, table).toBeLessThanOrEqual(1);
  });
});
