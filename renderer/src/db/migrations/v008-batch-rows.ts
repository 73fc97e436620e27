/**
 * Schema version 8: the corpus storage tables (issue 20; docs/architecture.md, "Corpus storage in
 * batch rows"). Never edit after release: later versions add a new file.
 *
 * `batches`: rows of up to 256 consecutive documents of the library (by batch number, library order)
 * with their texts, spans column-wise and statuses, written once by a bulk writer and never rewritten.
 * `batchIndex`: per bulk write and per two-hex-digit prefix of the id's hash, that write's sorted ids
 * and their batch numbers, so a document's batch is found without an index entry per document.
 * Both start empty: no row moves, every existing document stays in the per-document tables, which
 * shadow any batch entry of the same id. No upgrade function.
 */
export const VERSION = 8;

/** Dexie store declarations added by version 8 (primary key first, then indexes). */
export const STORES = {
  batches: 'n',
  batchIndex: '[prefix+n0]',
} as const;
