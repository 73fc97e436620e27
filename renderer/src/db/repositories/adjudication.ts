import type { AdjudicationStep } from '../../core/commands/adjudicate';
import type { AnnotationCommand } from '../../core/commands/annotate';
import { rebaseSpanEdit } from '../../core/model/span-merge';
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
import { corpusWrite } from '../corpus-write';
import { SpanConflictError } from './annotations';
import { applyLinkCommand, followSpanCommand } from './links';
import type { GoldLink } from '../../core/links/adjudicate';
import type { Link } from '../../core/links/link';
import { goldExportLinks, readLinkAdjudication } from './gold-links';
import { readStatus, statusesOf, statusTables, writeStatuses } from './progress';
import {
  goldRowAsSpanRow,
  goldSpanToRow,
  rejectionToRow,
  rowToRejection,
  rowToSpan,
  rowsToDocument,
  type GoldSpanRow,
  type SpanRow,
} from '../rows';
import { byKey } from '../batch-entries';
import { withBatchRows } from '../corpus/export-page';
import { batchTables, unshadowedSetRows } from '../corpus/sets';

/** A stored gold row as a gold span; a gold span from a file (no provenance) is its own decision. */
export function rowToGold(row: GoldSpanRow): GoldSpan {
  const provenance = isGoldProvenance(row.provenance)
    ? row.provenance
    : {
        proposedBy: [],
        decidedBy: GOLD_ANNOTATOR,
        decidedAt: new Date(row.updatedAt).toISOString(),
        action: 'edited' as const,
        decision: `manual:${row.id}`,
      };
  return { ...rowToSpan(goldRowAsSpanRow(row)), provenance };
}

/**
 * Every annotator's span rows on these documents, as the `[docId+annotator]` index lists them (by
 * document, annotator, id): per-document rows, or a batch entry's (issue 20) for a document still in
 * its batch row. Inside a read transaction on spans, documents and batchTables(db).
 */
async function spansOfDocuments(db: MarginaliaDb, docIds: readonly string[]): Promise<SpanRow[]> {
  const [rows, held] = await Promise.all([
    db.spans
      .where('docId')
      .anyOf([...docIds])
      .toArray(),
    unshadowedSetRows(db, docIds, null),
  ]);
  if (held.spans.length === 0) return rows;
  return [...rows, ...held.spans].sort(
    (a, b) => byKey(a.docId, b.docId) || byKey(a.annotator, b.annotator) || byKey(a.id, b.id),
  );
}

export interface AdjudicationData {
  readonly spans: SourceSpan[];
  readonly gold: GoldSpan[];
  readonly rejections: Rejection[];
  readonly status: DocStatus;
  /** Gold links with an end in this document. */
  readonly links: GoldLink[];
  /** The chosen annotators' links with an end in this document (their link decisions). */
  readonly annotatorLinks: Link[];
  /** Gold spans of the other articles those links reach, as endpoint keys (a gold link needs both). */
  readonly otherGold: Set<string>;
}

/**
 * The annotators' spans, the gold spans and links, and the rejections of one document, in one
 * transaction.
 */
export async function loadAdjudication(
  db: MarginaliaDb,
  docId: string,
  annotators: readonly string[],
): Promise<AdjudicationData> {
  const tables = [db.spans, db.goldSpans, db.decisions, ...statusTables(db), db.links];
  return db.transaction('r', [...tables, db.documents, ...batchTables(db)], async () => {
    const [rows, goldRows, decisions, progress, linked] = await Promise.all([
      spansOfDocuments(db, [docId]),
      db.goldSpans.where('docId').equals(docId).toArray(),
      db.decisions.where('docId').equals(docId).toArray(),
      readStatus(db, docId, GOLD_ANNOTATOR),
      readLinkAdjudication(db, docId, annotators),
    ]);
    const wanted = new Set(annotators);
    const spans = rows
      .filter((r) => wanted.has(r.annotator))
      .map((r) => ({ ...rowToSpan(r), annotator: r.annotator }));
    const gold = goldRows.map(rowToGold).sort(compareSpans);
    return {
      spans,
      gold,
      rejections: decisions.map(rowToRejection),
      status: progress?.status ?? 'todo',
      ...linked,
    };
  });
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A gold edit replayed onto the gold span as stored now, as annotation edits are (another window
 * may have adjudicated the same document since): only the fields the edit changes are written, its
 * provenance only when the edit changed it (the newest decision); a field changed elsewhere
 * meanwhile is refused (SpanConflictError, nothing of the step written), another field changed
 * elsewhere is kept. A span deleted elsewhere is written back.
 */
async function rebaseGoldEdit(
  db: MarginaliaDb,
  docId: string,
  c: Extract<AnnotationCommand, { kind: 'update' }>,
): Promise<GoldSpan> {
  const before = c.before as GoldSpan;
  const after = c.after as GoldSpan;
  const row = before.id === after.id ? await db.goldSpans.get(after.id) : undefined;
  if (!row || row.docId !== docId) return after;
  const stored = rowToGold(row);
  const merged = rebaseSpanEdit(stored, before, after);
  if (!merged.ok) throw new SpanConflictError(merged.error);
  // Provenance says who decided this span last, so it is not a field two edits can clash on: an
  // edit whose fields merged is the newest decision. (Re-deciding elsewhere replaces the span, a
  // new id, and is handled above as a span deleted elsewhere.)
  const provenanceEdited = !sameJson(before.provenance, after.provenance);
  return { ...merged.value, provenance: provenanceEdited ? after.provenance : stored.provenance };
}

/**
 * Persists one adjudication step (gold spans, provenance and rejections) in one transaction; a gold
 * edit writes only the fields it changes (rebaseGoldEdit), so undo goes through the same check.
 * Gold links follow the spans as an annotator's do (followSpanCommand), once every span of the
 * step is written: a deleted extent takes its links along unless gold still holds a span there,
 * moved boundaries move them, and a create writes back the links its command carries
 * (core/links/gold-carry.ts puts them in the step).
 */
export async function applyAdjudicationStep(
  db: MarginaliaDb,
  docId: string,
  step: AdjudicationStep,
): Promise<void> {
  const now = Date.now();
  // The corpus tables: a gold link command checks its ends (moving them out of their batch, issue
  // 20) in db/repositories/links.ts's transaction.
  await corpusWrite(db, [db.goldSpans, db.decisions, ...statusTables(db), db.links], async () => {
    const done: AnnotationCommand[] = [];
    for (const c of step.commands) {
      if (c.kind === 'delete') await db.goldSpans.delete(c.span.id);
      else if (c.kind === 'create') await db.goldSpans.put(goldSpanToRow(c.span as GoldSpan, docId, now));
      else {
        const after = await rebaseGoldEdit(db, docId, c);
        await db.goldSpans.put(goldSpanToRow(after, docId, now));
        done.push({ kind: 'update', before: c.before, after });
        continue;
      }
      done.push(c);
    }
    for (const c of done) {
      const old = c.kind === 'update' ? c.before : c.span;
      await followSpanCommand(db, docId, GOLD_ANNOTATOR, c, async () =>
        (await db.goldSpans.where('docId').equals(docId).toArray()).some(
          (g) => g.id !== old.id && g.start === old.start && g.end === old.end,
        ),
      );
    }
    for (const c of step.links ?? []) await applyLinkCommand(db, c);
    // Unrejected first: a step that replaces a rejection of the same decision keeps the new one.
    for (const r of step.unrejected) await db.decisions.delete([docId, r.decision]);
    for (const r of step.rejected) await db.decisions.put(rejectionToRow(r, docId));
    for (const { rejection, docIds } of step.linkUnrejected ?? [])
      for (const d of docIds) await db.decisions.delete([d, rejection.decision]);
    for (const { rejection, docIds } of step.linkRejected ?? [])
      for (const d of docIds) await db.decisions.put(rejectionToRow(rejection, d));
    // The step's status change (done when nothing is left to decide, a lead's reopening) goes
    // with it; otherwise gold counts as "read" for agreement and export once adjudication touched it.
    const gold = (status: DocStatus) =>
      writeStatuses(db, [{ docId, annotator: GOLD_ANNOTATOR, status, updatedAt: now }]);
    if (step.status) await gold(step.status.after);
    else if (!(await readStatus(db, docId, GOLD_ANNOTATOR))) await gold('in_progress');
  });
}

/**
 * The gold set of every document adjudication touched (library order), ready for any export
 * format: each record's `meta.gold` maps span ids to their provenance (docs/format.md), and gold's
 * links between those documents go with it. One
 * transaction, so the export is a consistent snapshot.
 */
export async function loadGoldExportDataset(db: MarginaliaDb): Promise<ExportDataset> {
  const tables = [db.documents, db.texts, db.goldSpans, ...statusTables(db), db.links];
  return db.transaction('r', [...tables, ...batchTables(db)], async () => {
    const [rows, progress] = await Promise.all([db.goldSpans.toArray(), statusesOf(db, [GOLD_ANNOTATOR])]);
    const byDoc = new Map<string, GoldSpan[]>(progress.map((p) => [p.docId, []]));
    for (const r of rows) byDoc.set(r.docId, [...(byDoc.get(r.docId) ?? []), rowToGold(r)]);
    const docRows = (await db.documents.orderBy('order').toArray()).filter((d) => byDoc.has(d.id));
    const texts = await db.texts.bulkGet(docRows.map((d) => d.id));
    const own = docRows.map((document, i) => {
      const t = texts[i];
      if (!t) throw new Error(`The text of "${document.title}" is missing from the database.`);
      return { document, text: t.text };
    });
    // A gold set on a document still in its batch row (issue 20) reads that entry.
    const held = await unshadowedSetRows(db, [...byDoc.keys()], []);
    const documents = withBatchRows({ documents: own, spans: [], statuses: [] }, held).documents.map((d) =>
      rowsToDocument(d.document, { id: d.document.id, text: d.text }),
    );
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
    // Gold links, with their provenance, whose two ends are in this export (issue 16).
    const links = await goldExportLinks(db, new Set(documents.map((d) => d.id)));
    return { documents, sets, ...(links.length > 0 ? { links } : {}) };
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
  return db.transaction('r', [db.documents, db.spans, ...batchTables(db)], async () => {
    const wanted = new Set(annotators);
    const [rows, own] = await Promise.all([spansOfDocuments(db, docIds), db.documents.bulkGet([...docIds])]);
    // Titles of documents still in batch rows (issue 20).
    const held = new Map(
      (await unshadowedSetRows(db, docIds, [])).documents.map((d) => [d.document.id, d.document]),
    );
    const docs = docIds.map((id, i) => own[i] ?? held.get(id));
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
