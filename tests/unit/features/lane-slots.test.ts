import { describe, expect, it } from 'vitest';

import { laneSlots } from '../../../renderer/src/features/adjudicate/segments';

describe('laneSlots: a row per overlapping span in a lane', () => {
  it('stacks overlapping spans, reuses a row once it is free, and keeps each span in one row', () => {
    const { slot, depth } = laneSlots([
      { id: 'c', start: 10, end: 20 },
      { id: 'a', start: 0, end: 30 },
      { id: 'b', start: 5, end: 12 },
      { id: 'd', start: 30, end: 40 },
    ]);
    expect(depth).toBe(3);
    expect(Object.fromEntries(slot)).toEqual({ a: 0, b: 1, c: 2, d: 0 });
  });

  it('needs one row for spans that only touch, and for none', () => {
    expect(laneSlots([]).depth).toBe(1);
    const touching = laneSlots([
      { id: 'x', start: 0, end: 5 },
      { id: 'y', start: 5, end: 9 },
    ]);
    expect(touching.depth).toBe(1);
  });
});
