import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { firstAbove, lastAtMost } from '../../../renderer/src/core/sorted';

describe('sorted search', () => {
  it('finds the first value above x and the last at most x, as a linear scan would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 })),
        fc.integer({ min: -5, max: 55 }),
        (values, x) => {
          const sorted = [...values].sort((a, b) => a - b);
          const above = sorted.findIndex((v) => v > x);
          expect(firstAbove(sorted, x)).toBe(above === -1 ? sorted.length : above);
          const atMost = sorted.reduce((last, v, i) => (v <= x ? i : last), 0);
          expect(lastAtMost(sorted, x)).toBe(atMost);
        },
      ),
    );
  });

  it('handles typed arrays and ties', () => {
    expect(firstAbove(new Float64Array([1, 2, 2, 3]), 2)).toBe(3);
    expect(lastAtMost([0, 4, 4, 9], 4)).toBe(2);
    expect(lastAtMost([0, 4], -1)).toBe(0);
  });
});
