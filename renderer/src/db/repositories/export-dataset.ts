import { goldRecordMeta } from '../../core/formats/export-check';
import type { ExportAnnotationSet, ExportDataset } from '../../core/formats/export-types';
import { goldProvenanceMeta, GOLD_ANNOTATOR } from '../../core/model/gold';
import type { MarginaliaDb } from '../database';
import { rowToSpan, rowsToDocument } from '../rows';
import { rowToGold } from './adjudication';

/** Every annotator with spans or a status in the database (gold included), sorted. */
export async function listAnnotators(db: MarginaliaDb): Promise<string[]> {
  const [a, b] = await Promise.all([
    db.spans.orderBy('annotator').uniqueKeys(),
    db.progress.orderBy('annotator').uniqueKeys(),
  ]);
  return [...new Set([...a, ...b].map(String))].sort();
}

/**
 * The documents (all when `docIds` is null, in library order) and the chosen annotators' sets,
 * read in one transaction so the export is a consistent snapshot. An annotator's set is included
 * for a document when they have spans or a status there — or always with `includeUntouched`, so
 * an annotator's own dataset lists every document (agreement treats a listed document as read).
 */
export async function loadExportDataset(
  db: MarginaliaDb,
  docIds: readonly string[] | null,
  annotators: readonly string[],
  includeUntouched = false,
): Promise<ExportDataset> {
  return db.transaction('r', [db.documents, db.texts, db.spans, db.progress], async () => {
    const all = await db.documents.orderBy('order').toArray();
    const wanted = docIds ? new Set(docIds) : null;
    const rows = wanted ? all.filter((d) => wanted.has(d.id)) : all;
    const texts = await db.texts.bulkGet(rows.map((r) => r.id));
    const documents = rows.map((r, i) => {
      const t = texts[i];
      if (!t) throw new Error(`The text of "${r.title}" is missing from the database.`);
      return rowsToDocument(r, t);
    });
    const sets: ExportAnnotationSet[] = [];
    for (const doc of documents) {
      for (const annotator of annotators) {
        const [spans, progress] = await Promise.all([
          db.spans.where('[docId+annotator]').equals([doc.id, annotator]).toArray(),
          db.progress.get([doc.id, annotator]),
        ]);
        if (spans.length === 0 && !progress && !includeUntouched) continue;
        const status = progress?.status ?? 'todo';
        if (annotator === GOLD_ANNOTATOR) {
          // Gold carries its provenance (who proposed, who decided, when, why) in the record's meta.
          const gold = spans.map(rowToGold);
          const recordMeta = goldRecordMeta(doc, goldProvenanceMeta(gold));
          sets.push({ docId: doc.id, annotator, status, spans: gold, recordMeta });
        } else sets.push({ docId: doc.id, annotator, status, spans: spans.map(rowToSpan) });
      }
    }
    return { documents, sets };
  });
}
