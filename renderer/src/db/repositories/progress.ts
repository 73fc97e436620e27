import type { Table } from 'dexie';

import { GOLD_ANNOTATOR } from '../../core/model/gold';
import type { DocStatus } from '../../core/model/status';
import type { MarginaliaDb } from '../database';
import { corpusWrite, materializeFirst } from '../corpus-write';
import { goldStatusAsProgressRow, goldStatusToRow, type GoldStatusRow, type ProgressRow } from '../rows';

/*
 * Every participant's document status is read and written here. Gold's has its own table since
 * schema v7 (`goldStatus`, key docId); the others' are `progress` rows. Callers see one shape, a
 * ProgressRow (gold's under the participant "gold", as backups, exports and team sync carry it),
 * and a transaction that reads or writes a status includes `statusTables(db)`.
 */

/** The tables a status lives in: include both in any transaction that reads or writes one. */
export const statusTables = (db: MarginaliaDb): Table[] => [db.progress, db.goldStatus];

/** One participant's status row for a document, or undefined ("todo"). */
export async function readStatus(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
): Promise<ProgressRow | undefined> {
  if (annotator !== GOLD_ANNOTATOR) return db.progress.get([docId, annotator]);
  const row = await db.goldStatus.get(docId);
  return row && goldStatusAsProgressRow(row);
}

/** Stores status rows (each in its participant's table), replacing what was there. */
export async function writeStatuses(db: MarginaliaDb, rows: readonly ProgressRow[]): Promise<void> {
  const gold: GoldStatusRow[] = [];
  const others: ProgressRow[] = [];
  for (const row of rows) {
    if (row.annotator === GOLD_ANNOTATOR) gold.push(goldStatusToRow(row));
    else others.push(row);
  }
  if (others.length > 0) await db.progress.bulkPut(others);
  if (gold.length > 0) await db.goldStatus.bulkPut(gold);
}

/** Every status row of the given participants. */
export async function statusesOf(db: MarginaliaDb, annotators: readonly string[]): Promise<ProgressRow[]> {
  const others = annotators.filter((a) => a !== GOLD_ANNOTATOR);
  const [rows, gold] = await Promise.all([
    others.length > 0 ? db.progress.where('annotator').anyOf(others).toArray() : [],
    annotators.includes(GOLD_ANNOTATOR) ? db.goldStatus.toArray() : [],
  ]);
  return gold.length > 0 ? [...rows, ...gold.map(goldStatusAsProgressRow)] : rows;
}

/** Every participant with a status row (gold included when it has one). */
export async function participantsWithStatus(db: MarginaliaDb): Promise<string[]> {
  const [keys, gold] = await Promise.all([
    db.progress.orderBy('annotator').uniqueKeys(),
    db.goldStatus.count(),
  ]);
  return [...keys.map(String), ...(gold > 0 ? [GOLD_ANNOTATOR] : [])];
}

/**
 * Stores one participant's status on a document. A document still held in a batch row moves to
 * per-document rows first (issue 20), so the new status is not shadowed by its batch entry; gold's
 * status has its own table, which batches never hold.
 */
export async function setStatus(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
  status: DocStatus,
): Promise<void> {
  await corpusWrite(db, statusTables(db), async () => {
    if (annotator !== GOLD_ANNOTATOR) await materializeFirst(db, [docId]);
    await writeStatuses(db, [{ docId, annotator, status, updatedAt: Date.now() }]);
  });
}

/** Status per document for one annotator; documents without a row are "todo". */
export async function listStatuses(db: MarginaliaDb, annotator: string): Promise<Map<string, DocStatus>> {
  const rows = await statusesOf(db, [annotator]);
  return new Map(rows.map((r) => [r.docId, r.status]));
}
