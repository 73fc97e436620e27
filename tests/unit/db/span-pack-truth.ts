import { expect } from 'vitest';

import { compareSpans, type Span } from '../../../renderer/src/core/model/span';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { rowToSpan } from '../../../renderer/src/db/rows';
import { decodeSpanPack } from '../../../renderer/src/db/span-pack';

/** The truth: the rows of one set, as listSpans must return them. */
export async function truth(db: MarginaliaDb, docId: string, annotator: string): Promise<Span[]> {
  const rows = await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
  return rows.map(rowToSpan).sort(compareSpans);
}

/** The invariant itself: every stored pack equals its set's rows. */
export async function expectPacksFresh(db: MarginaliaDb): Promise<void> {
  for (const pack of await db.spanPacks.toArray()) {
    expect(decodeSpanPack(pack), `pack of ${pack.docId}/${pack.annotator}`).toStrictEqual(
      await truth(db, pack.docId, pack.annotator),
    );
  }
}
