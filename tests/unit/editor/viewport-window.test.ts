import { describe, expect, it } from 'vitest';

import { linesIn, type Extent, type LineGeometry } from '../../../renderer/src/editor/viewport-window';

/** Chunks of `sizes[i]` lines, each line 10 px tall, stacked from y = 0; counts the rectangles read. */
function stacked(sizes: readonly number[], missing: ReadonlySet<number> = new Set()) {
  const starts: number[] = [];
  let line = 0;
  for (const n of sizes) {
    starts.push(line);
    line += n;
  }
  let reads = 0;
  const g: LineGeometry = {
    chunkCount: sizes.length,
    chunk: (i): Extent | null => {
      reads++;
      if (missing.has(i)) return null;
      return { top: (starts[i] as number) * 10, bottom: ((starts[i] as number) + (sizes[i] as number)) * 10 };
    },
    linesIn: (i) => sizes[i] as number,
    line: (i, k): Extent => {
      reads++;
      const top = ((starts[i] as number) + k) * 10;
      return { top, bottom: top + 10 };
    },
    lineNumber: (i, k) => (starts[i] as number) + k,
  };
  return { g, reads: () => reads };
}

describe('linesIn', () => {
  it('finds the lines intersecting a view, at line precision inside chunks', () => {
    const { g } = stacked([8, 8, 8, 8]);
    expect(linesIn({ top: 25, bottom: 95 }, g)).toEqual([2, 9]);
    expect(linesIn({ top: 0, bottom: 10 }, g)).toEqual([0, 0]);
    expect(linesIn({ top: 315, bottom: 500 }, g)).toEqual([31, 31]);
  });

  it('answers null above or below the text', () => {
    const { g } = stacked([8, 8]);
    expect(linesIn({ top: 200, bottom: 300 }, g)).toBeNull();
    expect(linesIn({ top: -50, bottom: 0 }, g)).toBeNull();
  });

  it('reads O(log n) rectangles on a long article', () => {
    const { g, reads } = stacked(Array.from({ length: 2000 }, () => 8));
    expect(linesIn({ top: 80_000, bottom: 80_700 }, g)).toEqual([8000, 8069]);
    expect(reads()).toBeLessThan(40);
  });

  it('skips chunks without an element', () => {
    const { g } = stacked([4, 4, 4], new Set([0]));
    expect(linesIn({ top: 0, bottom: 55 }, g)).toEqual([4, 5]);
  });
});
