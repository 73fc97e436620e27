import type { AdjudicationStep } from '../../core/commands/adjudicate';
import type { SourceSpan } from '../../core/model/decisions';
import { goldRecordMeta } from '../../core/formats/export-check';
import type { ExportAnnotationSet, ExportDataset } from '../../core/formats/export-types';
import {
  GOLD_ANNOTATOR,
  goldProvenanceMeta,
  isGoldProvenance,
  type GoldSpan,
  type Rejection,
} from '../../core/model/gold';
import { compareSpans } from '../../core/model/span';
import type { DocStatus } from '../../core/model/status';
import type { MarginaliaDb } from '../database';
import { rowToSpan, rowsToDocument, spanToRow, type SpanRow } from '../rows';

/** Settings key of one document's rejected decisions (a rejection leaves no span to carry it). */
const rejectionsKey = (docId: string): string => `adjudication:rejections:${docId}`;

/** A stored gold row as a gold span; a gold span typed by hand (no provenance) is its own decision. */
export function rowToGold(row: SpanRow): GoldSpan {
  const provenance = isGoldProvenance(row.provenance)
    ? row.provenance
    : {
        proposedBy: [],
        decidedBy: GOLD_ANNOTATOR,
        decidedAt: new Date(row.updatedAt).toISOString(),
        action: 'edited' as const,
        decision: `manual:${row.id}`,
      };
  return { ...rowToSpan(row), provenance };
}

const asRejections = (v: unknown): Rejection[] => (Array.isArray(v) ? (v as Rejection[]) : []);

export interface AdjudicationData {
  readonly spans: SourceSpan[];
  readonly gold: GoldSpan[];
  readonly rejections: Rejection[];
  readonly status: DocStatus;
}

/** The annotators' spans, the gold spans and the rejections of one document, in one transaction. */
export async function loadAdjudication(
  db: MarginaliaDb,
  docId: string,
  annotators: readonly string[],
): Promise<AdjudicationData> {
  return db.transaction('r', [db.spans, db.settings, db.progress], async () => {
    const [rows, setting, progress] = await Promise.all([
      db.spans.where('docId').equals(docId).toArray(),
      db.settings.get(rejectionsKey(docId)),
      db.progress.get([docId, GOLD_ANNOTATOR]),
    ]);
    const wanted = new Set(annotators);
    const spans = rows
      .filter((r) => wanted.has(r.annotator))
      .map((r) => ({ ...rowToSpan(r), annotator: r.annotator }));
    const gold = rows
      .filter((r) => r.annotator === GOLD_ANNOTATOR)
      .map(rowToGold)
      .sort(compareSpans);
    return { spans, gold, rejections: asRejections(setting?.value), status: progress?.status ?? 'todo' };
  });
}

/** Persists one adjudication step (gold spans, provenance and rejections) in one transaction. */
export async function applyAdjudicationStep(
  db: MarginaliaDb,
  docId: string,
  step: AdjudicationStep,
): Promise<void> {
  const now = Date.now();
  const toRow = (span: GoldSpan): SpanRow => ({
    ...spanToRow(span, docId, GOLD_ANNOTATOR, now),
    provenance: span.provenance,
  });
  // spanPacks: each gold row write drops the gold pack (span-packs middleware).
  await db.transaction('rw', [db.spans, db.spanPacks, db.settings, db.progress], async () => {
    for (const c of step.commands) {
      if (c.kind === 'delete') await db.spans.delete(c.span.id);
      else await db.spans.put(toRow((c.kind === 'create' ? c.span : c.after) as GoldSpan));
    }
    if (step.rejected.length > 0 || step.unrejected.length > 0) {
      const key = rejectionsKey(docId);
      const old = asRejections((await db.settings.get(key))?.value);
      const drop = new Set([...step.unrejected, ...step.rejected].map((r) => r.decision));
      await db.settings.put({ key, value: [...old.filter((r) => !drop.has(r.decision)), ...step.rejected] });
    }
    // The step's status change (done when nothing is left to decide, a lead's reopening) goes
    // with it; otherwise gold counts as "read" for agreement and export once adjudication touched it.
    if (step.status) {
      await db.progress.put({ docId, annotator: GOLD_ANNOTATOR, status: step.status.after, updatedAt: now });
    } else if (!(await db.progress.get([docId, GOLD_ANNOTATOR]))) {
      await db.progress.put({ docId, annotator: GOLD_ANNOTATOR, status: 'in_progress', updatedAt: now });
    }
  });
}

/**
 * The gold set of every document adjudication touched (library order), ready for any export
 * format: each record's `meta.gold` maps span ids to their provenance (docs/format.md). One
 * transaction, so the export is a consistent snapshot.
 */
export async function loadGoldExportDataset(db: MarginaliaDb): Promise<ExportDataset> {
  return db.transaction('r', [db.documents, db.texts, db.spans, db.progress], async () => {
    const [rows, progress] = await Promise.all([
      db.spans.where('annotator').equals(GOLD_ANNOTATOR).toArray(),
      db.progress.where('annotator').equals(GOLD_ANNOTATOR).toArray(),
    ]);
    const byDoc = new Map<string, GoldSpan[]>(progress.map((p) => [p.docId, []]));
    for (const r of rows) byDoc.set(r.docId, [...(byDoc.get(r.docId) ?? []), rowToGold(r)]);
    const docRows = (await db.documents.orderBy('order').toArray()).filter((d) => byDoc.has(d.id));
    const texts = await db.texts.bulkGet(docRows.map((d) => d.id));
    const documents = docRows.map((d, i) => {
      const t = texts[i];
      if (!t) throw new Error(`The text of "${d.title}" is missing from the database.`);
      return rowsToDocument(d, t);
    });
    const status = new Map(progress.map((p) => [p.docId, p.status]));
    const sets: ExportAnnotationSet[] = documents.map((doc) => {
      const spans = (byDoc.get(doc.id) ?? []).sort(compareSpans);
      return {
        docId: doc.id,
        annotator: GOLD_ANNOTATOR,
        status: status.get(doc.id) ?? 'in_progress',
        spans,
        recordMeta: goldRecordMeta(doc, goldProvenanceMeta(spans)),
      };
    });
    return { documents, sets };
  });
}

/**
 * The chosen annotators' spans on each of `docIds` plus the documents' titles, in one transaction,
 * to count the disagreements per document before one is opened.
 */
export async function loadDocumentsSpans(
  db: MarginaliaDb,
  docIds: readonly string[],
  annotators: readonly string[],
): Promise<{ id: string; title: string; spans: SourceSpan[] }[]> {
  return db.transaction('r', db.documents, db.spans, async () => {
    const wanted = new Set(annotators);
    const [rows, docs] = await Promise.all([
      db.spans
        .where('docId')
        .anyOf([...docIds])
        .toArray(),
      db.documents.bulkGet([...docIds]),
    ]);
    const byDoc = new Map<string, SourceSpan[]>(docIds.map((id) => [id, []]));
    for (const r of rows) {
      if (wanted.has(r.annotator)) {
        byDoc.get(r.docId)?.push({ ...rowToSpan(r), annotator: r.annotator });
      }
    }
    return docIds.flatMap((id, i) => {
      const doc = docs[i];
      return doc ? [{ id, title: doc.title, spans: byDoc.get(id) ?? [] }] : [];
    });
  });
}
