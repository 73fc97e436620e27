import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { EMPTY_QUERY } from '../../../renderer/src/core/model/library-filter';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { libraryAnnotators } from '../../../renderer/src/db/corpus/search';
import { listStudyAnnotators } from '../../../renderer/src/db/repositories/agreement';
import { documentsOfAnnotator, findInTexts } from '../../../renderer/src/db/repositories/library-search';
import { countSpansByDocument } from '../../../renderer/src/db/repositories/span-counts';
import { ANNOTATORS, twoLibraries } from './corpus-mix';

/** Issue 20: span counts and the library's search read documents held in batch rows as per-document ones. */
const NEEDLES = ['council', 'rose 5%', 'line 151:', 'line 299:', 'nowhere at all'];

async function sameReadings(db: MarginaliaDb, reference: MarginaliaDb): Promise<void> {
  for (const a of ANNOTATORS) {
    const counts = await countSpansByDocument(reference, a);
    if (a !== 'nobody') expect(counts.size).toBeGreaterThan(50);
    expect(await countSpansByDocument(db, a)).toEqual(counts);
    expect(await documentsOfAnnotator(db, a)).toEqual(await documentsOfAnnotator(reference, a));
  }
  expect(await libraryAnnotators(db)).toEqual(await listStudyAnnotators(reference));
  for (const words of NEEDLES) {
    const q = { ...EMPTY_QUERY, words };
    expect(await findInTexts(db, q)).toEqual(await findInTexts(reference, q));
  }
}

describe('span counts and search read documents in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('a 300-line library in batches counts and searches as per document', async () => {
    const { reference, db } = await twoLibraries(300, false);
    expect(await db.spans.count()).toBe(0);
    await sameReadings(db, reference);
    expect((await findInTexts(db, { ...EMPTY_QUERY, words: 'council' }))?.size).toBe(300);
  });

  it('documents moved out of their batches and edited count and search as their rows say', async () => {
    const { reference, db, ids } = await twoLibraries(300, true);
    await sameReadings(db, reference);
    // The emptied document has no counts; the relabelled one its new span.
    expect((await countSpansByDocument(db, 'carol')).get(ids[152] as string)?.quote).toBe(1);
    expect((await countSpansByDocument(db, 'carol')).has(ids[299] as string)).toBe(false);
    expect(await documentsOfAnnotator(db, 'nobody')).toEqual(new Set([ids[151]]));
    expect(await libraryAnnotators(db)).toEqual(['alice', 'bob', 'carol', 'nobody']);
  });

  it('a replaced search stops', async () => {
    const { db } = await twoLibraries(300, false);
    const stop = new AbortController();
    stop.abort();
    await expect(findInTexts(db, { ...EMPTY_QUERY, words: 'council' }, stop.signal)).rejects.toThrow(
      'Search replaced',
    );
  });
});
