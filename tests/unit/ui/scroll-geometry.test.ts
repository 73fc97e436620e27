import { describe, expect, it } from 'vitest';

import {
  MAX_SCROLL_PX,
  overscanRows,
  rowsInView,
  scrollGeometry,
} from '../../../renderer/src/ui/scroll-geometry';

describe('a list taller than the browser lays out', () => {
  it('keeps its true height and places rows as before while it fits', () => {
    expect(scrollGeometry(1000, 84, 600)).toEqual({ height: 84_000, ratio: 1 });
    expect(rowsInView(1000, 84, { top: 8400.5, height: 600 }, 6)).toEqual({ first: 94, last: 114, shift: 0 });
  });

  it('scrolls a shorter range through 1,000,005 rows: the end of the range shows the last row', () => {
    const count = 1_000_005;
    const { height, ratio } = scrollGeometry(count, 84, 600);
    expect(height).toBe(MAX_SCROLL_PX);
    expect(ratio).toBeGreaterThan(5);
    const end = rowsInView(count, 84, { top: height - 600, height: 600 }, 0);
    expect(end.last).toBe(count);
    // The last row ends at the view's bottom; the first row starts at the top of the range.
    expect((count - 1) * 84 + end.shift + 84).toBeCloseTo(height, 3);
    const start = rowsInView(count, 84, { top: 0, height: 600 }, 0);
    expect(start).toEqual({ first: 0, last: 8, shift: 0 });
    // Halfway down the range is halfway down the list, each row placed within the view.
    const mid = rowsInView(count, 84, { top: (height - 600) / 2, height: 600 }, 0);
    expect(Math.abs(mid.first - count / 2)).toBeLessThan(10);
    const placed = mid.first * 84 + mid.shift;
    expect(placed).toBeLessThanOrEqual((height - 600) / 2);
    expect(placed).toBeGreaterThan((height - 600) / 2 - 84);
  });
});

describe('the rows mounted beyond the view', () => {
  it('are the asked margin while the list fits, and 6 rows once it is scaled', () => {
    expect(overscanRows(1000, 84, 600, 1200)).toBe(15);
    expect(overscanRows(1000, 84, 600, 0)).toBe(6);
    // 1,000,005 rows of 84 px: every scroll re-renders, so a wide margin is only more new rows a frame.
    expect(overscanRows(1_000_005, 84, 600, 1200)).toBe(6);
  });
});
