/**
 * Schema version 2: the `spanPacks` table. Never edit after release: later versions add a new file.
 *
 * One row per (docId, annotator) holding all of that annotator's spans on the document column-wise,
 * so opening a document reads one row instead of thousands (db/span-pack.ts). Packs are derived from
 * `spans` and built lazily when a document is opened, so no upgrade function is needed: an upgraded
 * database simply has no packs yet. Every other table is unchanged from version 1.
 */
export const VERSION = 2;

/** Dexie store declarations added by version 2 (primary key first, then indexes). */
export const STORES = {
  spanPacks: '[docId+annotator], annotator',
} as const;

/** Row shape of version 2's new table, for reference by later migrations. */
export interface V2SpanPackRow {
  docId: string;
  annotator: string;
  format: number;
  n: number;
  starts: Uint32Array;
  ends: Uint32Array;
  labels: Uint8Array;
  unsure: Uint8Array;
  ids: string;
  idLengths: Uint32Array;
  notes: string;
  noteLengths: Uint32Array;
}
