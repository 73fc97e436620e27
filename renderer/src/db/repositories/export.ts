import { serializeNativeRecord } from '../../core/formats/native';
import { byKey } from '../batch-entries';
import { batchTables, unshadowedSetRows } from '../corpus/sets';
import type { MarginaliaDb } from '../database';
import { rowToSpan, rowsToDocument, type DocumentRow, type ProgressRow, type SpanRow } from '../rows';
import { readStatus, statusTables } from './progress';

interface Line {
  document: DocumentRow;
  text: string | undefined;
  spans: SpanRow[];
  progress: ProgressRow | undefined;
}

/**
 * One annotator's dataset as native JSONL lines: every document of the library in library order
 * (documents still in batch rows too, issue 20), with that annotator's status and spans. Read in one
 * transaction so the export is a consistent snapshot even while the user keeps annotating.
 */
export async function exportAnnotatorLines(db: MarginaliaDb, annotator: string): Promise<string[]> {
  const tables = [db.documents, db.texts, db.spans, ...statusTables(db), ...batchTables(db)];
  return db.transaction('r', tables, async () => {
    const docs = await db.documents.orderBy('order').toArray();
    const lines: Line[] = [];
    for (const document of docs) {
      const [text, spans, progress] = await Promise.all([
        db.texts.get(document.id),
        db.spans.where('[docId+annotator]').equals([document.id, annotator]).toArray(),
        readStatus(db, document.id, annotator),
      ]);
      lines.push({ document, text: text?.text, spans, progress });
    }
    const batch = await unshadowedSetRows(db, null, [annotator]);
    if (batch.documents.length > 0) {
      const line = new Map<string, Line>();
      for (const { document, text } of batch.documents)
        line.set(document.id, { document, text, spans: [], progress: undefined });
      for (const s of batch.spans) line.get(s.docId)?.spans.push(s);
      for (const p of batch.statuses) line.get(p.docId)!.progress = p;
      // The index lists a set's rows by id, and documents by order, ties by id: so do these.
      for (const l of line.values()) l.spans.sort((a, b) => byKey(a.id, b.id));
      lines.push(...line.values());
      lines.sort((a, b) => a.document.order - b.document.order || byKey(a.document.id, b.document.id));
    }
    return lines.map(({ document, text, spans, progress }) => {
      if (text === undefined)
        throw new Error(`The text of "${document.title}" is missing from the database.`);
      return serializeNativeRecord({
        document: rowsToDocument(document, { id: document.id, text }),
        annotator,
        status: progress?.status ?? 'todo',
        spans: spans.map(rowToSpan),
      });
    });
  });
}
