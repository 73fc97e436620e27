import { needle, textContains, TEXT_SEARCH_MIN, type LibraryQuery } from '../../core/model/library-filter';
import type { MarginaliaDb } from '../database';
import { addBatchDocumentsOf, addBatchTextMatches } from '../corpus/search';
import { batchTables } from '../corpus/library-batches';
import { statusesOf, statusTables } from './progress';

/**
 * Ids of the documents whose article text contains the query's words, or null when the words are
 * too short to search. Run on demand only (the library never loads texts on start-up): one
 * read-only cursor over `texts`, a text at a time, so memory holds one article, not the corpus,
 * then the texts held in batch rows (issue 20), a page of batches at a time. `signal` stops a
 * search the user has typed past.
 */
export async function findInTexts(
  db: MarginaliaDb,
  q: LibraryQuery,
  signal?: AbortSignal,
): Promise<Set<string> | null> {
  const n = needle(q);
  if (n === null || n.length < TEXT_SEARCH_MIN) return null;
  const found = new Set<string>();
  await db.texts.each((row) => {
    if (signal?.aborted) throw new DOMException('Search replaced', 'AbortError');
    if (textContains(row.text, n)) found.add(row.id);
  });
  await addBatchTextMatches(db, n, found, signal);
  return found;
}

/**
 * Ids of the documents an annotator worked on: has spans on, or set a status for. Keys only of the
 * per-document rows; the batch rows' span and status columns (issue 20).
 */
export async function documentsOfAnnotator(db: MarginaliaDb, annotator: string): Promise<Set<string>> {
  const tables = [db.spans, db.documents, ...statusTables(db), ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const [pairs, progress] = await Promise.all([
      db.spans.orderBy('[docId+annotator]').uniqueKeys(),
      statusesOf(db, [annotator]),
    ]);
    const out = new Set<string>(progress.map((p) => p.docId));
    for (const k of pairs) {
      const [docId, who] = k as unknown as [string, string];
      if (who === annotator) out.add(docId);
    }
    await addBatchDocumentsOf(db, annotator, out);
    return out;
  });
}
