import type { Table } from 'dexie';

import type { MarginaliaDb } from '../database';
import type { BatchIndexRow } from '../batch-index';
import { batchTables } from './library-batches';

const HASH_PREFIX = 'sha256:';

/**
 * How many documents the library holds: `documents` rows plus the batch entries none shadows.
 * Counted from the batch index (ids only, never a batch row and its texts): per id prefix, the ids
 * of the bulk writes less those with a `documents` row (keys in that prefix's key range; ids of
 * another shape, which are few, one by one). Memory holds one prefix's ids at a time.
 */
export function countLibrary(db: MarginaliaDb): Promise<number> {
  return db.transaction('r', [db.documents, ...batchTables(db)], async () => {
    let total = await db.documents.count();
    const index = db.tables.find((t) => t.name === 'batchIndex') as Table<BatchIndexRow> | undefined;
    if (!index) return total;
    const prefixes = new Set(
      (await index.toCollection().primaryKeys()).map((k) => (k as [string, number])[0]),
    );
    for (const p of prefixes) {
      const rows = await index.where('[prefix+n0]').between([p, -Infinity], [p, Infinity]).toArray();
      const ids = new Set(rows.flatMap((r) => r.ids));
      const shadowing =
        p === '-'
          ? (await db.documents.bulkGet([...ids])).filter((d) => d !== undefined).map((d) => d.id)
          : ((await db.documents.where(':id').startsWith(`${HASH_PREFIX}${p}`).primaryKeys()) as string[]);
      total += ids.size - shadowing.filter((id) => ids.has(id)).length;
    }
    return total;
  });
}
