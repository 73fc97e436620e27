import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { loadClaimsSource } from '../../../renderer/src/db/repositories/claims';
import type { LinkRow } from '../../../renderer/src/db/link-rows';
import { twoLibraries } from './corpus-mix';

/** Issue 20: the Claims view's source reads documents held in batch rows as per-document ones. */
describe('the Claims view reads documents in batch rows', () => {
  beforeEach(() => void vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  for (const edit of [false, true])
    it(edit ? 'with documents moved out and edited' : 'a 300-line library in batches', async () => {
      const { reference, db, ids } = await twoLibraries(300, edit);
      // A link to a document with no claim (line 0 has no spans): it joins by its link alone.
      const link: LinkRow = {
        id: 'l1',
        annotator: 'alice',
        relation: 'same_claim',
        from: { docId: ids[3] as string, start: 0, end: 4 },
        to: { docId: ids[0] as string, start: 0, end: 4 },
        note: '',
        updatedAt: 1,
      };
      for (const x of [reference, db]) await x.links.add(link);
      const source = await loadClaimsSource(db);
      expect(source).toEqual(await loadClaimsSource(reference));
      expect(source.documents[0]?.text).toMatch(/^Line 0: /);
      expect(source.sets.length).toBeGreaterThan(250);
    });
});
