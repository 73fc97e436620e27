import { needle, textContains, TEXT_SEARCH_MIN, type LibraryQuery } from '../../core/model/library-filter';
import type { MarginaliaDb } from '../database';
import { statusesOf, statusTables } from './progress';

/**
 * Ids of the documents whose article text contains the query's words, or null when the words are
 * too short to search. Run on demand only (the library never loads texts on start-up): one
 * read-only cursor over `texts`, a text at a time, so memory holds one article, not the corpus.
 * `signal` stops a search the user has typed past.
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
  return found;
}

/** Ids of the documents an annotator worked on: has spans on, or set a status for. Keys only. */
export async function documentsOfAnnotator(db: MarginaliaDb, annotator: string): Promise<Set<string>> {
  return db.transaction('r', [db.spans, ...statusTables(db)], async () => {
    const [pairs, progress] = await Promise.all([
      db.spans.orderBy('[docId+annotator]').uniqueKeys(),
      statusesOf(db, [annotator]),
    ]);
    const out = new Set<string>(progress.map((p) => p.docId));
    for (const k of pairs) {
      const [docId, who] = k as unknown as [string, string];
      if (who === annotator) out.add(docId);
    }
    return out;
  });
}
