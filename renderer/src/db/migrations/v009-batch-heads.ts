import type { Transaction } from 'dexie';

import { batchHeadOf } from '../batch-heads';
import type { BatchRow } from '../batch-rows';

/**
 * Schema version 9: a head per batch row (issue 20 item 2; docs/architecture.md, "Corpus storage
 * in batch rows"). Never edit after release: later versions add a new file.
 *
 * `batchHeads` (key `n`, the batch's number): everything of a batch row but its texts and its
 * spans' offsets, ids and notes (`db/batch-heads.ts`), so the library's list, counts, statuses
 * and annotator filter are read without every text of the library. Derived storage like
 * `batches`: written with its row, cleared with it, never backed up. The upgrade builds the head
 * of every existing batch row, a few rows at a time, inside Dexie's versionchange transaction (a
 * failure rolls everything back to v8).
 */
export const VERSION = 9;

/** Dexie store declarations added by version 9 (primary key first, then indexes). */
export const STORES = {
  batchHeads: 'n',
} as const;

/** Batch rows read per request: each holds up to ~1 MB of text. */
const PAGE = 8;

export async function upgrade(tx: Transaction): Promise<void> {
  const rows = tx.table<BatchRow, number>('batches');
  const heads = tx.table('batchHeads');
  let after = -Infinity;
  for (;;) {
    const page = await rows.where(':id').above(after).limit(PAGE).toArray();
    await heads.bulkAdd(page.map(batchHeadOf));
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return;
    after = last.n;
  }
}
