/**
 * `batchIndex` rows (issue 20): which batch holds a document, without an index entry per document.
 * A `multiEntry` index on the batches' ids cost ~15-40 µs per id at import (bench/shape-probe.mjs),
 * so each bulk write instead adds one row per id prefix (the first two hex digits of the hash: 256
 * rows for any large import) holding that write's ids with that prefix, sorted, and their batch
 * numbers. Finding a document: one range read of its prefix (one row per bulk write), then a
 * binary search in each row. Rows are appended, never rewritten.
 */
export interface BatchIndexRow {
  prefix: string;
  /** The first batch number of the write that added this row (unique per write). */
  n0: number;
  ids: string[];
  batches: Uint32Array;
}

const HASH_PREFIX = 'sha256:';

/** A document id's bucket: two hex digits of its hash; ids of another shape share one bucket. */
export const prefixOf = (id: string): string =>
  id.startsWith(HASH_PREFIX) && id.length >= HASH_PREFIX.length + 2
    ? id.slice(HASH_PREFIX.length, HASH_PREFIX.length + 2)
    : '-';

/** The index rows of one bulk write: batches in write order, `n0` the first one's number. */
export function batchIndexRows(batches: readonly { n: number; ids: readonly string[] }[]): BatchIndexRow[] {
  const n0 = batches[0]?.n ?? 0;
  const byPrefix = new Map<string, string[]>();
  const batchOfId = new Map<string, number>();
  for (const b of batches)
    for (const id of b.ids) {
      const p = prefixOf(id);
      let list = byPrefix.get(p);
      if (!list) byPrefix.set(p, (list = []));
      list.push(id);
      batchOfId.set(id, b.n);
    }
  // The default sort compares UTF-16 units, as `<` does in batchOf's search.
  return [...byPrefix].map(([prefix, ids]) => {
    ids.sort();
    // A loop, not Uint32Array.from(ids, f): its iterator and callback cost ~0.6 µs an id.
    const batches = new Uint32Array(ids.length);
    for (let k = 0; k < ids.length; k++) batches[k] = batchOfId.get(ids[k] as string) as number;
    return { prefix, n0, ids, batches };
  });
}

/** The batch holding `id` according to the index rows of its prefix (the latest write wins), or undefined. */
export function batchOf(rows: readonly BatchIndexRow[], id: string): number | undefined {
  let found: { n0: number; n: number } | undefined;
  for (const row of rows) {
    let lo = 0;
    let hi = row.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = row.ids[mid] as string;
      if (at === id) {
        if (!found || row.n0 > found.n0) found = { n0: row.n0, n: row.batches[mid] as number };
        break;
      }
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return found?.n;
}
