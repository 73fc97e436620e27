import { describe, expect, it } from 'vitest';

import { compareWith } from '../../../../renderer/src/core/model/compare';
import type { Label } from '../../../../renderer/src/core/model/labels';
import type { Span } from '../../../../renderer/src/core/model/span';

let n = 0;
const s = (start: number, end: number, label: Label): Span => ({
  id: `s${n++}`,
  start,
  end,
  label,
  note: '',
});

describe('compare while annotating (issue 19)', () => {
  it('reads each of their spans against one’s own', () => {
    const mine = [
      s(0, 10, 'claim'),
      s(20, 30, 'quote'),
      s(40, 50, 'figure'),
      s(60, 70, 'claim'),
      s(100, 200, 'speculation'),
    ];
    const theirs = [
      s(0, 10, 'claim'), // same
      s(20, 30, 'claim'), // same extent, other label
      s(40, 52, 'figure'), // other bounds
      s(80, 90, 'quote'), // only theirs
      s(150, 160, 'speculation'), // nested in my long speculation: other bounds
    ];
    const r = compareWith(mine, theirs);
    expect(r.theirs.map((c) => c.comparison)).toEqual([
      'same',
      'other_label',
      'other_bounds',
      'only_theirs',
      'other_bounds',
    ]);
    expect(r.counts).toEqual({ same: 1, other_label: 1, other_bounds: 2, only_theirs: 1 });
    // Mine at 20–30 (quote) and 60–70 (claim) have no same-label span of theirs over them.
    expect(r.onlyMine).toBe(2);
  });

  it('finds overlaps behind a long span of one’s own that starts early', () => {
    const mine = [s(0, 1000, 'claim'), s(5, 6, 'quote'), s(7, 8, 'quote')];
    const r = compareWith(mine, [s(500, 510, 'claim')]);
    expect(r.theirs[0]?.comparison).toBe('other_bounds');
    expect(compareWith([], [s(1, 2, 'claim')]).counts.only_theirs).toBe(1);
    expect(compareWith(mine, []).onlyMine).toBe(3);
  });
});
