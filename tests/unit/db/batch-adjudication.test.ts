import { describe, expect, it } from 'vitest';

import {
  loadAdjudication,
  loadDocumentsSpans,
  loadGoldExportDataset,
} from '../../../renderer/src/db/repositories/adjudication';
import { frozenClock, mixedLibraries } from './batch-mixed';

/**
 * Issue 20: adjudication reads the annotators' spans (and the gold export its documents) of
 * documents held in batch rows as of per-document documents: the same data from both shapes.
 */
const LOADED = 120_000;
const WHO = ['alice', 'bob', 'carol', 'dora'];

describe('adjudication reads documents in batch rows', () => {
  frozenClock();

  it(
    'the same annotators’ spans, disagreement counts’ input and gold export',
    async () => {
      const { reference, db, ids } = await mixedLibraries(90, 5, true);
      expect(await db.documents.count()).toBeLessThan(20);
      for (const id of ids)
        expect(await loadAdjudication(db, id, WHO)).toEqual(await loadAdjudication(reference, id, WHO));
      const some = await loadDocumentsSpans(db, ids, ['alice', 'bob']);
      expect(some).toEqual(await loadDocumentsSpans(reference, ids, ['alice', 'bob']));
      expect(some).toHaveLength(90);
      expect(some.filter((d) => d.spans.length > 0).length).toBeGreaterThan(50);
      const gold = await loadGoldExportDataset(db);
      expect(gold).toEqual(await loadGoldExportDataset(reference));
      expect(gold.documents).toHaveLength(2);
    },
    LOADED,
  );
});
