import { describe, expect, it } from 'vitest';

import { findDirtySets } from '../../../renderer/src/db/repositories/sync';
import { frozenClock, mixedLibraries } from './batch-mixed';

/**
 * Issue 20: team sync's push reads the span sets of documents held in batch rows as it reads
 * per-document sets: the same dirty sets (documents, spans, statuses, links, signatures, changes)
 * from a library in batches as from the same library per document.
 */
const LOADED = 120_000;

describe('the sync push reads documents in batch rows', () => {
  frozenClock();

  it(
    'finds the same dirty sets, among the team documents only',
    async () => {
      const { reference, db, ids, edited } = await mixedLibraries(200, 5, true);
      const team = new Set([...ids.slice(0, 150), ...edited]);
      for (const allowed of [() => true, (d: string) => team.has(d)])
        for (const who of ['alice', 'bob', 'carol', 'dora', 'gold']) {
          const mine = await findDirtySets(db, 'u', who, allowed, 'r1', 1_790_000_000_000);
          const theirs = await findDirtySets(reference, 'u', who, allowed, 'r1', 1_790_000_000_000);
          expect(mine).toEqual(theirs);
          if (who !== 'dora' && who !== 'gold') expect(mine.length).toBeGreaterThan(50);
        }
    },
    LOADED,
  );
});
