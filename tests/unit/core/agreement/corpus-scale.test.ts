import { describe, expect, it } from 'vitest';

import { computeAgreement } from '../../../../renderer/src/core/agreement/report';

// 10,000 articles × 3 annotators gave "Maximum call stack size exceeded": the gaps of an annotator
// with overlapping spans were appended with push(...list), one argument per gap.
describe('agreement over a continuum with more gaps than a call takes arguments', () => {
  it('computes the report when one annotator has 200,000 overlapping spans', () => {
    const n = 200_000;
    const text = 'ab '.repeat(n + 1);
    const spans = [];
    for (let i = 0; i < n; i++) {
      // Each span overlaps the next one, so this annotator's pairs take DKPro's literal walk.
      spans.push({ annotator: 'a', doc: 'd', start: 3 * i, end: 3 * i + 5, label: 'claim' });
    }
    spans.push({ annotator: 'b', doc: 'd', start: 0, end: 2, label: 'claim' });
    const report = computeAgreement({ documents: [{ id: 'd', text }], annotators: ['a', 'b'], spans });
    expect(report.n_documents).toBe(1);
  });
});
