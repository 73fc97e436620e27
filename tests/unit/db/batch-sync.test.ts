import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { listSpans } from '../../../renderer/src/db/repositories/annotations';
import {
  commitPushed,
  findDirtySets,
  storePulledPage,
  type PulledPage,
} from '../../../renderer/src/db/repositories/sync';
import type { SpanSetDoc } from '../../../renderer/src/core/sync/span-set';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { sameAsReference, twoShapes } from './batch-writers';

/**
 * Issue 20: team sync writes pulled and pushed span sets onto documents that may be held in batch
 * rows; such a document moves to per-document rows first, so the set written (or left for the
 * push) is the one a per-document library gets.
 */
const NOW = 1_790_000_000_000;
const stamp = { updated_at: NOW - 5, by: 'elsewhere' };

function pulled(docId: string, annotator: string, spans: SpanSetDoc['spans']): SpanSetDoc {
  return {
    _id: `spans:${docId}`,
    _rev: '3-abc',
    type: 'span_set',
    schema: 1,
    doc_id: docId,
    annotator,
    status: { value: 'done', ...stamp },
    spans,
    links: {},
  };
}

const page = (mode: 'own' | 'mirror', sets: SpanSetDoc[]): PulledPage => ({
  dbName: 'marginalia_p_user_x',
  mode,
  spanSets: sets,
  assignments: [],
  deleted: [],
  articles: [],
  articlesDb: 'marginalia_p_articles',
  lastSeq: 7,
});

describe('sync writing span sets onto documents held in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => vi.restoreAllMocks());

  it('a mirrored set replaces the batch-held set and status, as per document', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(20);
    // bob's set on document 4 (the import's b4 and c4), pulled with c4 deleted and a new span.
    const sets = [
      pulled(ids[4]!, 'bob', {
        b4: { start: 0, end: 4, label: 'claim', note: '', ...stamp },
        c4: { deleted: true, ...stamp },
        x: { start: 5, end: 9, label: 'quote', note: 'n', ...stamp },
      }),
      pulled(ids[7]!, 'dora', { y: { start: 1, end: 3, label: 'figure', note: '', ...stamp } }),
    ];
    const out = async (x: MarginaliaDb) => storePulledPage(x, page('mirror', sets), 'me', NOW, () => 'fresh');
    expect(await out(db)).toEqual(await out(reference));
    expect((await listSpans(db, ids[4]!, 'bob')).map((s) => s.id)).toEqual(['b4', 'x']);
    await sameAsReference(db, reference, batchRows, ids);
  });

  it("an own set changed here since its last sync (the batch's spans) is left for the push", async () => {
    const { reference, db, ids, batchRows } = await twoShapes(20);
    const sets = [pulled(ids[5]!, 'carol', { z: { start: 0, end: 4, label: 'claim', note: '', ...stamp } })];
    const out = async (x: MarginaliaDb) => storePulledPage(x, page('own', sets), 'me', NOW, () => 'fresh');
    const stored = await out(reference);
    expect(stored.spanSetsDeferred).toBe(1);
    expect(await out(db)).toEqual(stored);
    await sameAsReference(db, reference, batchRows, ids);
  });

  it('a pushed set the server merged is recorded onto the batch-held document', async () => {
    const { reference, db, ids, batchRows } = await twoShapes(20);
    const id = ids[8]!;
    const dirty = (
      await findDirtySets(reference, 'marginalia_p_user_x', 'carol', (d) => d === id, 'me', NOW)
    )[0]!;
    const merged: SpanSetDoc = {
      ...dirty.doc,
      _rev: '2-srv',
      spans: { ...dirty.doc.spans, w: { start: 2, end: 6, label: 'claim', note: '', ...stamp } },
    };
    for (const x of [db, reference])
      expect(await commitPushed(x, 'marginalia_p_user_x', dirty, merged)).toBe(true);
    await sameAsReference(db, reference, batchRows, ids);
  });
});
