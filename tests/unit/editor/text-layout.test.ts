import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CHUNK_LINES, CHUNK_UNITS, TextLayout, chunkLines } from '../../../renderer/src/editor/text-layout';

describe('TextLayout', () => {
  it('locates offsets by line, an offset at a line end belonging to that line', () => {
    const layout = new TextLayout('ab\n\ncd😀\n');
    expect(layout.lines).toEqual(['ab', '', 'cd😀', '']);
    expect(layout.lineStarts).toEqual([0, 3, 4, 9]);
    expect(layout.locate(2)).toEqual({ line: 0, offset: 2 });
    expect(layout.locate(3)).toEqual({ line: 1, offset: 0 });
    expect(layout.locate(8)).toEqual({ line: 2, offset: 4 });
    expect(layout.locate(9)).toEqual({ line: 3, offset: 0 });
  });

  it('groups lines into chunks of at most CHUNK_LINES, closing early after CHUNK_UNITS', () => {
    const many = new TextLayout(Array.from({ length: CHUNK_LINES * 2 + 1 }, () => 'x').join('\n'));
    expect(many.chunkStarts).toEqual([0, CHUNK_LINES, CHUNK_LINES * 2]);
    const long = 'y'.repeat(CHUNK_UNITS);
    const big = new TextLayout([long, 'a', long, 'b'].join('\n'));
    expect(big.chunkStarts).toEqual([0, 1, 3]);
    expect(new TextLayout('').chunkStarts).toEqual([0]);
  });

  it('chunks cover every line once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: CHUNK_UNITS * 2 }), { minLength: 1, maxLength: 200 }), (lengths) => {
        const lines = lengths.map((n) => 'z'.repeat(n));
        const starts = chunkLines(lines);
        expect(starts[0]).toBe(0);
        starts.forEach((first, c) => {
          const end = starts[c + 1] ?? lines.length;
          expect(end).toBeGreaterThan(first);
          expect(end - first).toBeLessThanOrEqual(CHUNK_LINES);
        });
      }),
    );
  });
});
