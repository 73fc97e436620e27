/**
 * Schema version 6: the `links` table (issue 16, links between spans). Never edit after release:
 * later versions add a new file.
 *
 * One row per link of one annotator (gold's under "gold"): its relation and two endpoints, each a
 * document and a code point extent that is exactly one of that annotator's spans. Endpoints are
 * extents, not span ids, so a link means the same in every export and in agreement. The two
 * compound indexes answer "this annotator's links touching this document" from either end (the
 * annotate view, and a span delete taking its links along). The table starts empty: no upgrade.
 */
export const VERSION = 6;

/** Dexie store declarations added by version 6 (primary key first, then indexes). */
export const STORES = {
  links: 'id, [annotator+from.docId], [annotator+to.docId]',
} as const;

/** Row shape of version 6's new table, for reference by later migrations. */
export interface V6LinkRow {
  id: string;
  annotator: string;
  relation: 'same_claim' | 'supports' | 'contradicts';
  from: { docId: string; start: number; end: number };
  to: { docId: string; start: number; end: number };
  note: string;
  provenance?: Record<string, unknown>;
  updatedAt: number;
}
