import type { Dexie, Table } from 'dexie';

import type { MarginaliaDb } from './database';
import { materialize } from './batch-store';

/*
 * Issue 20's writers (docs/architecture.md, "Corpus storage in batch rows"): a document held only in
 * a batch row moves to per-document rows (copy-on-first-write, `materialize`) inside the transaction
 * of the write that changes it, so a reader never sees half of it moved.
 */

const BATCH_TABLES = ['batches', 'batchIndex'];

const hasBatches = (db: MarginaliaDb): boolean => db.tables.some((t) => t.name === 'batches');

/** Every table `materialize` reads or writes: a writer's transaction includes them all. */
export function corpusTables(db: MarginaliaDb): Table[] {
  // A database declared before schema v8 (tests' older versions) has no batches.
  const batch = db.tables.filter((t) => BATCH_TABLES.includes(t.name));
  return [db.documents, db.texts, db.spans, db.progress, db.spanPacks, ...batch];
}

/** Another tab moved the document first: the transaction aborted, and running it again is today's write. */
export class MaterializeConflict extends Error {}

const isAddConflict = (e: unknown): boolean => {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'ConstraintError') return true;
  // bulkAdd reports each failed row in a BulkError.
  const failures = (e as { failures?: unknown } | null)?.failures;
  return name === 'BulkError' && Array.isArray(failures) && failures.some(isAddConflict);
};

/**
 * Moves the documents of `ids` that live only in a batch to per-document rows, inside the caller's
 * transaction (which includes `corpusTables`). A row already there (another tab moved it between
 * this transaction's reads and adds, or a row left without its `documents` row) fails the add: the
 * caller's transaction aborts with MaterializeConflict, which `corpusWrite` retries.
 */
export async function materializeFirst(db: MarginaliaDb, ids: readonly string[]): Promise<string[]> {
  if (!hasBatches(db)) return [];
  try {
    return await materialize(db, ids);
  } catch (e) {
    if (isAddConflict(e)) throw new MaterializeConflict(`Document ${ids.join(', ')} was moved elsewhere.`);
    throw e;
  }
}

/**
 * Runs `body` in one read-write transaction over `tables` and `corpusTables`. When `materializeFirst`
 * aborted it (another tab moved a document first), runs it once more: the document is then
 * per-document and the retry is today's write, so the user sees no error. Inside another
 * transaction the error goes up, and the outermost writer retries.
 */
export async function corpusWrite<T>(
  db: MarginaliaDb,
  tables: readonly Table[],
  body: () => Promise<T>,
): Promise<T> {
  const scope = [...new Set([...tables, ...corpusTables(db)])];
  const run = () => db.transaction('rw', scope, body);
  // Dexie's static, reached through the instance: importing Dexie's value here would load it before
  // a test's fake IndexedDB is installed.
  if ((db.constructor as typeof Dexie).currentTransaction) return run();
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof MaterializeConflict)) throw e;
    return run();
  }
}
