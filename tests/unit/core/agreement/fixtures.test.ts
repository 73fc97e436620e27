import { describe, expect, it } from 'vitest';

import { computeAgreement } from '../../../../renderer/src/core/agreement/report';
import { expectedCases, fixtureCases, jsonDifferences } from './fixture-helpers';

describe('public IAA fixtures: every figure to 1e-9, nulls exactly, counts exactly', () => {
  it('has an expected entry for every case', () => {
    expect(fixtureCases.map((c) => c.name).sort()).toEqual(Object.keys(expectedCases).sort());
  });

  for (const c of fixtureCases) {
    it(c.name, () => {
      const expected = { ...expectedCases[c.name] };
      // library_raw documents what the reference libraries returned; it is not a figure of ours.
      delete expected['library_raw'];
      const actual = computeAgreement(c);
      expect(jsonDifferences(expected, actual)).toEqual([]);
    });
  }
});
