import { documentLength } from '../core/model/document';
import { BATCH_FORMAT, numbers, type BatchRow } from './batch-rows';

/**
 * A `batchHeads` row (schema v9, issue 20 item 2): what the library's list, statuses, span counts
 * and annotator filter need of a batch row, all but its texts and its spans' offsets, ids and notes.
 * Why a row of its own: a batch row holds ~256 texts (over 100 KB), which Chromium stores
 * as a blob beside LevelDB; reading all 391 batch rows of a 100,000 library took a median 1,045 ms
 * against 254 ms for these heads (same page, interleaved, load ~12). Written in the same transaction
 * as its batch row by every writer of one, cleared with it, never backed up (derived).
 */
export interface BatchHead extends Pick<
  BatchRow,
  'n' | 'format' | 'ids' | 'titles' | 'sources' | 'metas' | 'orders' | 'addedAt' | 'statuses'
> {
  /** Each text's length in code points, as a `documents` row has it. */
  lengths: Float64Array;
  spans: { annotator: string; docStart: Uint32Array; labels: Uint8Array }[];
}

export function batchHeadOf(row: BatchRow): BatchHead {
  if (row.format !== BATCH_FORMAT) throw new Error(`The stored batch ${row.n} is damaged.`);
  return {
    n: row.n,
    format: row.format,
    ids: row.ids,
    titles: row.titles,
    sources: row.sources,
    metas: row.metas,
    orders: row.orders,
    addedAt: row.addedAt,
    lengths: numbers(row.texts, documentLength),
    spans: row.spans.map((s) => ({ annotator: s.annotator, docStart: s.docStart, labels: s.pack.labels })),
    statuses: row.statuses,
  };
}
