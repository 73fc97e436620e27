import type Dexie from 'dexie';

import { decodeBatchEntry, type BatchEntry, type BatchRow } from './batch-rows';

/**
 * The documents that live in batch rows (issue 20, docs/architecture.md "Corpus storage in batch
 * rows"): every entry of every batch whose id has no `documents` row (a `documents` row shadows its
 * batch entry for ever, copy-on-first-write). For whole-table readers, which see "per-document rows ∪
 * unshadowed batch entries". Call inside a read transaction that includes `batches`; a database
 * without the table (before schema v8) has no entries. O(batch rows).
 */
export async function unshadowedBatchEntries(
  db: Dexie,
  shadowed: (id: string) => boolean,
): Promise<BatchEntry[]> {
  const table = db.tables.find((t) => t.name === 'batches');
  if (!table) return [];
  const out: BatchEntry[] = [];
  for (const row of (await table.toArray()) as BatchRow[])
    row.ids.forEach((id, j) => {
      if (shadowed(id)) return;
      const entry = decodeBatchEntry(row, j);
      if (!entry) throw new Error(`The stored batch ${row.n} holding document ${id} is damaged.`);
      out.push(entry);
    });
  return out;
}

/** IndexedDB's order of string keys (UTF-16 code units), so merged rows read as one table would. */
export const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
