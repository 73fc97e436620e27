import { describe, expect, it } from 'vitest';

import { claimsChanged } from '../../../renderer/src/features/claims/useClaims';
import { libraryTextsChanged } from '../../../renderer/src/session/links/suggestions';

/** Issue 20: a bulk write of batch rows re-reads the Claims view and re-indexes the suggestions. */
describe('views built from the whole library follow batch rows', () => {
  it('the Claims view and the suggestions index', () => {
    for (const changed of [claimsChanged, libraryTextsChanged]) {
      expect(changed(new Set(['batches', 'batchIndex']))).toBe(true);
      expect(changed(new Set(['documents']))).toBe(true);
      expect(changed(new Set(['settings']))).toBe(false);
    }
  });
});
