import { documentLength, type ArticleDocument } from '../core/model/document';
import { GOLD_ANNOTATOR, type GoldProvenance, type Rejection } from '../core/model/gold';
import type { Label } from '../core/model/labels';
import type { Span } from '../core/model/span';
import type { DocStatus } from '../core/model/status';
import type { SpanPack } from './span-pack';

/** `documents` row: everything but the text, so listing a big library never loads megabytes. */
export interface DocumentRow {
  id: string;
  title: string;
  length: number;
  source: string;
  meta: Record<string, unknown>;
  order: number;
  addedAt: number;
}

/** `texts` row: the exact stored article text, immutable once written. */
export interface TextRow {
  id: string;
  text: string;
}

/** `spans` row: one span of one annotator on one document. Offsets in code points. */
export interface SpanRow {
  id: string;
  docId: string;
  annotator: string;
  start: number;
  end: number;
  label: Label;
  note: string;
  unsure?: boolean;
  updatedAt: number;
}

/**
 * `goldSpans` row (schema v4): one adjudicated span of one document, with how adjudication made it.
 * `provenance` is absent on a gold span that came from a file (it is then its own decision).
 */
export interface GoldSpanRow {
  id: string;
  docId: string;
  start: number;
  end: number;
  label: Label;
  note: string;
  unsure?: boolean;
  provenance?: GoldProvenance;
  updatedAt: number;
}

/** `decisions` row (schema v4): a decision that no span belongs in gold, key `[docId+decision]`. */
export type DecisionRow = Rejection & { docId: string };

/**
 * `spanPacks` row: every span of one (docId, annotator) packed into one row, derived from `spans`
 * (key `[docId+annotator]`). Absent until built; never backed up.
 */
export interface SpanPackRow extends SpanPack {
  docId: string;
  annotator: string;
}

/** `progress` row: an annotator's status for a document. */
export interface ProgressRow {
  docId: string;
  annotator: string;
  status: DocStatus;
  updatedAt: number;
}

/** `goldStatus` row (schema v7): gold's status for a document, key `docId`. */
export type GoldStatusRow = Omit<ProgressRow, 'annotator'>;

/**
 * `syncDocs` row: the last version of one server document this replica and the server had in
 * common (schema v3): a span set (the merge base) or an assignment in full, an article as its id
 * and revision only (`doc` null: the text is in `texts`).
 */
export interface SyncDocRow {
  db: string;
  id: string;
  rev: string;
  doc: Record<string, unknown> | null;
}

/** `syncCheckpoints` row: how far a followed server database's `_changes` has been read. */
export interface SyncCheckpointRow {
  db: string;
  seq: string | number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export function rowToSpan(row: SpanRow): Span {
  const span: Span = { id: row.id, start: row.start, end: row.end, label: row.label, note: row.note };
  return row.unsure ? { ...span, unsure: true } : span;
}

export function spanToRow(span: Span, docId: string, annotator: string, now: number): SpanRow {
  const row: SpanRow = {
    id: span.id,
    docId,
    annotator,
    start: span.start,
    end: span.end,
    label: span.label,
    note: span.note,
    updatedAt: now,
  };
  if (span.unsure) row.unsure = true;
  return row;
}

/** The `goldSpans` row of a gold span (provenance kept when it has one). */
export function goldSpanToRow(
  span: Span & { readonly provenance?: GoldProvenance },
  docId: string,
  now: number,
): GoldSpanRow {
  const { annotator: _gold, ...row } = spanToRow(span, docId, GOLD_ANNOTATOR, now);
  return span.provenance ? { ...row, provenance: span.provenance } : row;
}

/**
 * A gold row as a span row of the participant "gold", for the readers that treat gold as one more
 * annotator (agreement, exports, backups, team sync); `provenance` rides along as an extra field.
 */
export function goldRowAsSpanRow(row: GoldSpanRow): SpanRow & { provenance?: GoldProvenance } {
  return { ...row, annotator: GOLD_ANNOTATOR };
}

/** The `goldStatus` row of gold's status row. */
export function goldStatusToRow(row: ProgressRow): GoldStatusRow {
  const { annotator: _gold, ...rest } = row;
  return rest;
}

/** A `goldStatus` row as the status row of the participant "gold" (backups, exports, sync). */
export function goldStatusAsProgressRow(row: GoldStatusRow): ProgressRow {
  return { ...row, annotator: GOLD_ANNOTATOR };
}

/** The `decisions` row of a rejection on a document. */
export function rejectionToRow(r: Rejection, docId: string): DecisionRow {
  return { ...r, docId };
}

/** A stored decision as the rejection the adjudication core knows (without the docId). */
export function rowToRejection(row: DecisionRow): Rejection {
  const { docId: _doc, ...r } = row;
  return r;
}

/**
 * The `documents` row of a document, the one place one is built (add, import, restore): its length
 * is the text's length in code points, computed here.
 */
export function documentToRow(
  doc: Pick<ArticleDocument, 'id' | 'title' | 'text' | 'source' | 'meta'>,
  order: number,
  addedAt: number,
): DocumentRow {
  return {
    id: doc.id,
    title: doc.title,
    length: documentLength(doc.text),
    source: doc.source,
    meta: { ...doc.meta },
    order,
    addedAt,
  };
}

export function rowsToDocument(row: DocumentRow, text: TextRow): ArticleDocument {
  return {
    id: row.id,
    title: row.title,
    text: text.text,
    length: row.length,
    source: row.source,
    meta: row.meta,
    order: row.order,
  };
}
