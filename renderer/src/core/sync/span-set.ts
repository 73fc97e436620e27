import type { Label } from '../model/labels';
import type { DocStatus } from '../model/status';

/**
 * The replicated unit: one CouchDB document per (article, annotator), in that annotator's own
 * database (gold: in the project's gold database). See docs/team.md, "Document shapes".
 *
 * Every entry (span, link, the document's status) is a last-writer-wins register stamped with the
 * time it was written and the replica that wrote it; a deleted span stays as a tombstone, so a
 * deletion replicates and merges like any other change. Offsets are code points.
 */
export const SPAN_SET_SCHEMA = 1;
export const SPAN_SET_TYPE = 'span_set';
/** Losing versions kept per entry, newest first. */
export const HISTORY_MAX = 5;

/** When and where a version was written: ms since the epoch, and the writing replica's id. */
export interface Stamp {
  readonly updated_at: number;
  readonly by: string;
}

export interface SpanContent {
  readonly start: number;
  readonly end: number;
  readonly label: Label;
  readonly note: string;
  readonly unsure?: boolean;
  /** Gold only: where the span came from (core/model/gold.ts), carried as data. */
  readonly provenance?: Readonly<Record<string, unknown>>;
}

/**
 * A link between spans (issue 16) is owned like a span: it lives in the set of the document its
 * `from` span is in, in its author's database (gold's in the gold database), so it replicates under
 * the same rules. Its ends are extents (code points), as everywhere a link is stored or exported:
 * `from` is in this set's article, `to` in `to.doc_id` (this one or another).
 */
export interface LinkContent {
  readonly relation: string;
  readonly from: { readonly start: number; readonly end: number };
  readonly to: { readonly doc_id: string; readonly start: number; readonly end: number };
  readonly note: string;
  /** Gold only: where the link came from (core/links/adjudicate.ts), carried as data. */
  readonly provenance?: Readonly<Record<string, unknown>>;
}

export interface Tombstone {
  readonly deleted: true;
}

/** One version of an entry: its content or a tombstone, stamped. */
export type Version<C> = (C | Tombstone) & Stamp;
/** The current version and the versions that lost to it in merges (newest first). */
export type Entry<C> = Version<C> & { readonly history?: readonly Version<C>[] };

export type StatusRegister = { readonly value: DocStatus } & Stamp;

export interface SpanSetDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly _conflicts?: readonly string[];
  readonly type: typeof SPAN_SET_TYPE;
  readonly schema: typeof SPAN_SET_SCHEMA;
  /** `sha256:<hex>` of the article's text. */
  readonly doc_id: string;
  readonly annotator: string;
  readonly status: StatusRegister;
  readonly spans: Readonly<Record<string, Entry<SpanContent>>>;
  readonly links: Readonly<Record<string, Entry<LinkContent>>>;
}

export const spanSetId = (docId: string): string => `spans:${docId}`;

export const isTombstone = (v: Stamp): boolean => (v as Partial<Tombstone>).deleted === true;

/** The version without its history (what is compared and kept in another entry's history). */
export function versionOf<C>(e: Entry<C>): Version<C> {
  if (e.history === undefined) return e;
  const { history: _history, ...v } = e;
  return v as Version<C>;
}

/** An empty set, e.g. before an annotator's first label on an assigned article. */
export function emptySpanSet(docId: string, annotator: string, stamp: Stamp): SpanSetDoc {
  return {
    _id: spanSetId(docId),
    type: SPAN_SET_TYPE,
    schema: SPAN_SET_SCHEMA,
    doc_id: docId,
    annotator,
    status: { value: 'todo', ...stamp },
    spans: {},
    links: {},
  };
}
