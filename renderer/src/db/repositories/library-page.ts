import { LABELS, type Label } from '../../core/model/labels';
import type { DocStatus } from '../../core/model/status';
import { firstInLibrary } from '../corpus/library';
import type { MarginaliaDb } from '../database';
import { SPAN_PACK_FORMAT } from '../span-pack';
import { readStatus, statusTables } from './progress';

/**
 * The first document in library order, read by the `order` index (one row), for start-up when no
 * last document is remembered or it is gone: start-up must not wait for the whole library.
 */
export function firstDocumentId(db: MarginaliaDb): Promise<string | null> {
  // Wherever it is held: its `documents` row or a batch row (issue 20).
  return firstInLibrary(db);
}

export type LabelCounts = Record<Label, number>;

/** What the library shows of some documents, read by key. */
export interface EntryParts {
  /** Title and length from each document's row; null where it has none (a batch entry, deleted). */
  readonly rows: readonly (readonly [string, { title: string; length: number } | null])[];
  readonly counts: readonly (readonly [string, LabelCounts])[];
  readonly statuses: readonly (readonly [string, DocStatus])[];
}

/**
 * The parts of library entries a write changed, each read by key in one read transaction: after a
 * label, the annotator's pack of that document (else its span rows) and its status, never every row
 * of a table (issue 20: at 100,000 documents a whole re-read after each label took seconds).
 */
export function readEntryParts(
  db: MarginaliaDb,
  annotator: string,
  ids: { documents: readonly string[]; counts: readonly string[]; statuses: readonly string[] },
): Promise<EntryParts> {
  return db.transaction('r', [db.documents, db.spans, db.spanPacks, ...statusTables(db)], async () => {
    const [rows, counts, statuses] = await Promise.all([
      Promise.all(
        ids.documents.map(async (id) => {
          const row = await db.documents.get(id);
          return [id, row ? { title: row.title, length: row.length } : null] as const;
        }),
      ),
      Promise.all(ids.counts.map(async (id) => [id, await countsOf(db, id, annotator)] as const)),
      Promise.all(
        ids.statuses.map(
          async (id) => [id, (await readStatus(db, id, annotator))?.status ?? 'todo'] as const,
        ),
      ),
    ]);
    return { rows, counts, statuses };
  });
}

/** One document's per-label counts for one annotator: its pack, else its span rows. */
export async function countsOf(db: MarginaliaDb, docId: string, annotator: string): Promise<LabelCounts> {
  const counts: LabelCounts = { claim: 0, quote: 0, figure: 0, speculation: 0 };
  const pack = await db.spanPacks.get([docId, annotator]);
  if (pack && pack.format === SPAN_PACK_FORMAT) {
    for (const l of pack.labels) counts[LABELS[l] as Label] += 1;
    return counts;
  }
  const rows = await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
  for (const row of rows) counts[row.label] += 1;
  return counts;
}
