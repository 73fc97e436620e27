import { goldRecordMeta } from '../../core/formats/export-check';
import type { ExportAnnotationSet, ExportDataset } from '../../core/formats/export-types';
import type { ArticleDocument } from '../../core/model/document';
import { goldProvenanceMeta, GOLD_ANNOTATOR } from '../../core/model/gold';
import { byKey } from '../batch-entries';
import {
  rowToSpan,
  rowsToDocument,
  type DocumentRow,
  type GoldSpanRow,
  type ProgressRow,
  type SpanRow,
} from '../rows';
import { rowToGold } from '../repositories/adjudication';
import type { BatchSetRows } from './sets';

/**
 * What an export page is made of, whichever place holds each document (per-document rows or a
 * batch entry): the documents with their texts, and span and status rows (gold's as participant
 * "gold"), in any order. `assembleExportPage` puts them in library order and builds the sets.
 */
export interface ExportPageRows {
  documents: { document: DocumentRow; text: string }[];
  spans: SpanRow[];
  statuses: ProgressRow[];
}

/** Library order: `order`, ties by id (the `order` index lists equal keys by primary key). */
const inLibraryOrder = (a: DocumentRow, b: DocumentRow): number => a.order - b.order || byKey(a.id, b.id);

/** Per-document rows and batch entries of one page as one page's rows, in library order. */
export function withBatchRows(rows: ExportPageRows, batch: BatchSetRows | null): ExportPageRows {
  if (!batch || batch.documents.length === 0) return rows;
  return {
    documents: [...rows.documents, ...batch.documents].sort((a, b) => inLibraryOrder(a.document, b.document)),
    spans: [...rows.spans, ...batch.spans],
    statuses: [...rows.statuses, ...batch.statuses],
  };
}

const setKey = (docId: string, annotator: string): string => `${docId}\u0000${annotator}`;
const byId = (a: SpanRow, b: SpanRow): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The export dataset of a page's rows (documents in the order given). An annotator's set is
 * included for a document when they have spans or a status there — or always with
 * `includeUntouched`, so an annotator's own dataset lists every document (agreement treats a listed
 * document as read).
 */
export function assembleExportPage(
  rows: ExportPageRows,
  annotators: readonly string[],
  includeUntouched: boolean,
): ExportDataset {
  const documents: ArticleDocument[] = rows.documents.map((d) =>
    rowsToDocument(d.document, { id: d.document.id, text: d.text }),
  );
  const wanted = new Set(annotators);
  const spansOf = new Map<string, SpanRow[]>();
  for (const s of rows.spans) {
    if (!wanted.has(s.annotator)) continue;
    const k = setKey(s.docId, s.annotator);
    const list = spansOf.get(k);
    if (list) list.push(s);
    else spansOf.set(k, [s]);
  }
  const progressOf = new Map(rows.statuses.map((p) => [setKey(p.docId, p.annotator), p]));
  const sets: ExportAnnotationSet[] = [];
  for (const doc of documents) {
    for (const annotator of annotators) {
      const k = setKey(doc.id, annotator);
      // The [docId+annotator] index lists a set's rows by id; keep that order (gold meta follows it).
      const spans = (spansOf.get(k) ?? []).sort(byId);
      const progress = progressOf.get(k);
      if (spans.length === 0 && !progress && !includeUntouched) continue;
      const status = progress?.status ?? 'todo';
      if (annotator === GOLD_ANNOTATOR) {
        // Gold carries its provenance (who proposed, who decided, when, why) in the record's meta.
        const gold = (spans as GoldSpanRow[]).map(rowToGold);
        const recordMeta = goldRecordMeta(doc, goldProvenanceMeta(gold));
        sets.push({ docId: doc.id, annotator, status, spans: gold, recordMeta });
      } else sets.push({ docId: doc.id, annotator, status, spans: spans.map(rowToSpan) });
    }
  }
  return { documents, sets };
}
