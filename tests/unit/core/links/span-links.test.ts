import { describe, expect, it } from 'vitest';

import { linksOfSpan } from '../../../../renderer/src/core/links/span-links';
import { DOC_A, DOC_B, DOC_C, end, link } from './link-fixtures';

describe('the links of one span (inspector list)', () => {
  const here = [DOC_A, 10, 20] as const;
  const links = [
    link('alice', 'supports', [DOC_B, 0, 5], here),
    link('alice', 'supports', here, [DOC_C, 1, 2]),
    link('alice', 'contradicts', [DOC_C, 5, 9], here),
    link('alice', 'same_claim', here, [DOC_B, 7, 9]),
    link('alice', 'same_claim', [DOC_A, 10, 21], [DOC_B, 0, 5]), // one character longer: another span
    link('bob', 'contradicts', here, [DOC_B, 0, 5]),
  ];

  it('gives the other end and how the link reads from this span, in relation order', () => {
    const got = linksOfSpan(links, end(...here), 'alice').map((l) => [l.role, l.other]);
    expect(got).toEqual([
      ['same_claim', end(DOC_B, 7, 9)],
      ['supports', end(DOC_C, 1, 2)],
      ['supported_by', end(DOC_B, 0, 5)],
      ['contradicts', end(DOC_C, 5, 9)],
    ]);
  });

  it('without an annotator lists everyone’s links; a span with none has an empty list', () => {
    expect(linksOfSpan(links, end(...here))).toHaveLength(5);
    expect(linksOfSpan(links, end(DOC_A, 10, 19))).toEqual([]);
  });
});
