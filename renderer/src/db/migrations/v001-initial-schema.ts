/**
 * Schema version 1 (released with the first working app). Never edit after release: later versions
 * add a new file. The row shapes of this version are declared here, not imported from rows.ts, so a
 * later change to today's rows cannot silently alter what this migration means.
 */
export const VERSION = 1;

/** Dexie store declarations of version 1 (primary key first, then indexes). */
export const STORES = {
  documents: 'id, order',
  texts: 'id',
  spans: 'id, [docId+annotator], annotator, docId',
  progress: '[docId+annotator], annotator, docId',
  settings: 'key',
} as const;

/** Row shapes of version 1, for reference by later migrations. */
export interface V1DocumentRow {
  id: string;
  title: string;
  length: number;
  source: string;
  meta: Record<string, unknown>;
  order: number;
  addedAt: number;
}
export interface V1SpanRow {
  id: string;
  docId: string;
  annotator: string;
  start: number;
  end: number;
  label: 'claim' | 'quote' | 'figure' | 'speculation';
  note: string;
  unsure?: boolean;
  updatedAt: number;
}
