import { serializeNativeRecord } from '../../core/formats/native';
import type { MarginaliaDb } from '../database';
import { rowToSpan, rowsToDocument } from '../rows';
import { readStatus, statusTables } from './progress';

/**
 * One annotator's dataset as native JSONL lines: every document of the library in library order,
 * with that annotator's status and spans. Read in one transaction so the export is a consistent
 * snapshot even while the user keeps annotating.
 */
export async function exportAnnotatorLines(db: MarginaliaDb, annotator: string): Promise<string[]> {
  return db.transaction('r', [db.documents, db.texts, db.spans, ...statusTables(db)], async () => {
    const docs = await db.documents.orderBy('order').toArray();
    const lines: string[] = [];
    for (const row of docs) {
      const [text, spans, progress] = await Promise.all([
        db.texts.get(row.id),
        db.spans.where('[docId+annotator]').equals([row.id, annotator]).toArray(),
        readStatus(db, row.id, annotator),
      ]);
      if (!text) throw new Error(`The text of "${row.title}" is missing from the database.`);
      lines.push(
        serializeNativeRecord({
          document: rowsToDocument(row, text),
          annotator,
          status: progress?.status ?? 'todo',
          spans: spans.map(rowToSpan),
        }),
      );
    }
    return lines;
  });
}
