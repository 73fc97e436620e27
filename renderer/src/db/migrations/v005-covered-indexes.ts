/**
 * Schema version 5: drops the `docId` indexes of `spans` and `progress`. Never edit after release:
 * later versions add a new file.
 *
 * Both tables also have `[docId+annotator]`, whose first part answers every `docId` query (Dexie
 * reads `where('docId')` from the compound index; raw readers use the range `[docId]…[docId, []]`),
 * so the single-field index only cost an index entry per row written: ~40 µs per span row, a fifth
 * of a 100,000-line import's span writes (docs/performance.md, "Import"). Dropping an index changes
 * no row: no upgrade function.
 */
export const VERSION = 5;

/** Dexie store declarations changed by version 5 (primary key first, then indexes). */
export const STORES = {
  spans: 'id, [docId+annotator], annotator',
  progress: '[docId+annotator], annotator',
} as const;
