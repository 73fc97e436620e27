import type { Table } from 'dexie';

import type { MarginaliaDb } from '../database';
import { batchHeadOf, type BatchHead } from '../batch-heads';
import { BATCH_FORMAT, type BatchRow } from '../batch-rows';
import type { DocumentRow } from '../rows';
import { documentIdsInOrders } from './library-batches';

/**
 * What the library's list, statuses, span counts and annotator filter need of a batch row: its
 * head (`batchHeads`, schema v9), read instead of the row so that no text is read. Kept per
 * database across reads: a batch row and its head are never rewritten (issue 20: written once,
 * only a restore clears them), so with a watcher (keepBatchSummaries) the library's re-reads after
 * each label or status read the keys and only the heads not yet kept.
 */
export type BatchSummary = BatchHead;

/**
 * Heads read per request (~30 KB each at 256 documents): 8 heads summarised are one task of
 * ~10-40 ms at 1,000,000 documents under load 10-15; 32 made tasks of 100-300 ms.
 */
const PAGE = 8;

interface Cache {
  /** Bumped by every committed write to `batches`: a read begun before it must not store what it read. */
  gen: number;
  byN: Map<number, BatchSummary>;
  watchers: number;
  stop: () => void;
}

const caches = new WeakMap<MarginaliaDb, Cache>();

/** Keys of `batches` rows written, or 'all' (a clear, a bulk write): as `onRowsChanged` reports them. */
export type BatchWrites = (listener: (keys: readonly unknown[] | 'all') => void) => () => void;

/**
 * Keeps summaries of `db`'s batch rows across reads while `watch` reports every committed write to
 * `batches` (the page passes `onRowsChanged`: this module stays free of Dexie's runtime, which tests
 * load after their IndexedDB). Without a watcher nothing is kept. Returns the function that stops.
 */
export function keepBatchSummaries(db: MarginaliaDb, watch: BatchWrites): () => void {
  let cache = caches.get(db);
  if (!cache) {
    const c: Cache = { gen: 0, byN: new Map(), watchers: 0, stop: () => undefined };
    // A clear (a restore) or a bulk write arrives as 'all': everything is summarised again.
    c.stop = watch((keys) => {
      c.gen += 1;
      if (keys === 'all') c.byN.clear();
      else for (const k of keys) c.byN.delete(k as number);
    });
    caches.set(db, (cache = c));
  }
  const mine = cache;
  mine.watchers += 1;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    mine.watchers -= 1;
    if (mine.watchers > 0) return;
    mine.stop();
    caches.delete(db);
  };
}

/**
 * Like forEachBatch, over summaries: every batch in library order with its entries a `documents`
 * row shadows (`shadowing`: every `documents` id, when the caller holds them; else one range read
 * per batch). Inside a read transaction over `documents` and the batch tables.
 */
export async function forEachBatchSummary(
  db: MarginaliaDb,
  visit: (s: BatchSummary, shadowed: (id: string) => boolean) => void,
  shadowing?: ReadonlySet<string>,
): Promise<void> {
  const table = db.tables.find((t) => t.name === 'batches') as Table<BatchRow, number> | undefined;
  const heads = db.tables.find((t) => t.name === 'batchHeads') as Table<BatchHead, number> | undefined;
  if (!table) return;
  const cache = caches.get(db);
  const gen = cache?.gen;
  // The batch rows' keys, not the heads': a row is listed even if its head were missing.
  const ns = (await table.toCollection().primaryKeys()) as number[];
  // Taken at once: a write announced during the walk may empty the cache, not this read's view.
  const known = new Map(ns.map((n) => [n, cache?.byN.get(n)]));
  const fresh = new Map<number, BatchSummary>();
  const missingOf = (i: number): number[] => ns.slice(i, i + PAGE).filter((n) => !known.get(n));
  const request = (i: number): Promise<(BatchHead | undefined)[]> => {
    const missing = missingOf(i);
    return heads && missing.length > 0
      ? heads.bulkGet(missing)
      : Promise.resolve(missing.map(() => undefined));
  };
  // Visited page by page as the heads arrive, the next page asked for before this one is visited:
  // the storage reads while the page summarises, and each page is one short task (at 1,000,000
  // documents visiting every head after the last arrived was one ~300 ms task).
  let next = request(0);
  for (let i = 0; i < ns.length; i += PAGE) {
    const missing = missingOf(i);
    const got = await next;
    if (i + PAGE < ns.length) next = request(i + PAGE);
    for (const [k, head] of got.entries()) {
      if (head && head.format !== BATCH_FORMAT) throw new Error(`The stored batch ${head.n} is damaged.`);
      // A head is written with its row (every writer, the v9 upgrade): its row is read only if one is not.
      const s = head ?? (await table.get(missing[k] as number).then((row) => row && batchHeadOf(row)));
      if (s) fresh.set(s.n, s);
    }
    for (const n of ns.slice(i, i + PAGE)) {
      const s = fresh.get(n) ?? known.get(n);
      if (!s) continue;
      if (shadowing) visit(s, (id) => shadowing.has(id));
      else {
        const ids = await documentIdsInOrders(db, s.orders);
        visit(s, (id) => ids.has(id));
      }
    }
  }
  if (cache && caches.get(db) === cache && cache.gen === gen) for (const [n, s] of fresh) cache.byN.set(n, s);
}

/** Entry j's `documents` row exactly as a per-document document has it (documentToRow's shape). */
export function summaryDocumentRow(s: BatchSummary, j: number): DocumentRow {
  return {
    id: s.ids[j] as string,
    title: s.titles[j] as string,
    length: s.lengths[j] as number,
    source: s.sources[j] as string,
    meta: { ...(s.metas[j] as Record<string, unknown>) },
    order: s.orders[j] as number,
    addedAt: s.addedAt[j] as number,
  };
}
