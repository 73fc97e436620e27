import { textContains } from '../../core/model/library-filter';
import { compareCodePoints } from '../../core/agreement/pairs';
import type { MarginaliaDb } from '../database';
import { listParticipants } from '../repositories/agreement';
import { statusTables } from '../repositories/progress';
import { batchTables, forEachBatch } from './library-batches';
import { forEachBatchSummary } from './library-summaries';

/** No `documents` row shadows anything here: see addBatchTextMatches. */
const NONE: ReadonlySet<string> = new Set();

/**
 * Adds to `found` the ids of documents held in batch rows whose text contains `needle`. Shadowing
 * is not looked up: a text never changes once stored (its id is its hash) and a moved document
 * keeps it, so a shadowed entry's text is its document's. `signal` stops a replaced search.
 */
export async function addBatchTextMatches(
  db: MarginaliaDb,
  needle: string,
  found: Set<string>,
  signal?: AbortSignal,
): Promise<void> {
  const tables = batchTables(db);
  if (tables.length === 0) return;
  await db.transaction('r', [db.documents, ...tables], () =>
    forEachBatch(
      db,
      (row) => {
        if (signal?.aborted) throw new DOMException('Search replaced', 'AbortError');
        row.texts.forEach((text, j) => {
          if (textContains(text, needle)) found.add(row.ids[j] as string);
        });
      },
      NONE,
    ),
  );
}

/**
 * Adds to `out` the documents held in batch rows (not shadowed) that an annotator worked on: has
 * spans on, or a status for. Inside a read transaction over `documents` and the batch tables.
 */
export async function addBatchDocumentsOf(
  db: MarginaliaDb,
  annotator: string,
  out: Set<string>,
): Promise<void> {
  await forEachBatchSummary(db, (batch, shadowed) => {
    const spans = batch.spans.find((s) => s.annotator === annotator)?.docStart;
    const statuses = batch.statuses.find((s) => s.annotator === annotator)?.status;
    batch.ids.forEach((id, j) => {
      const spanned = spans !== undefined && (spans[j + 1] as number) > (spans[j] as number);
      if ((spanned || (statuses?.[j] ?? 0) > 0) && !shadowed(id)) out.add(id);
    });
  });
}

/**
 * Every annotator with spans or a status (gold included), in code point order: the per-document
 * rows' (as `listParticipants` reads them) and those of batch entries no `documents` row shadows.
 * The library filter's list of annotators.
 */
export function libraryAnnotators(db: MarginaliaDb): Promise<string[]> {
  const tables = [db.spans, db.goldSpans, db.documents, ...statusTables(db), ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const out = new Set(await listParticipants(db));
    await forEachBatchSummary(db, (batch, shadowed) => {
      const live = batch.ids.map((id) => !shadowed(id));
      for (const { annotator, docStart } of batch.spans)
        if (
          !out.has(annotator) &&
          live.some((l, j) => l && (docStart[j + 1] as number) > (docStart[j] as number))
        )
          out.add(annotator);
      for (const { annotator, status } of batch.statuses)
        if (!out.has(annotator) && live.some((l, j) => l && (status[j] as number) > 0)) out.add(annotator);
    });
    return [...out].sort(compareCodePoints);
  });
}
