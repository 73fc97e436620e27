import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { LABELS, type Label } from '../../../../renderer/src/core/model/labels';
import { assignLanes, mixedSegments, type Extent } from '../../../../renderer/src/core/model/overlaps';

const s = (start: number, end: number, label: Label = 'claim'): Extent => ({ start, end, label });

const overlap = (a: Extent, b: Extent): boolean => a.start < b.end && b.start < a.end;

describe('assignLanes', () => {
  it('puts a lone span and spans that only touch on lane 0', () => {
    expect(assignLanes([s(0, 5), s(5, 9), s(20, 30)])).toEqual([0, 0, 0]);
  });

  it('stacks nested and crossing spans, the enclosing one on top', () => {
    // claim [0,30) encloses quote [5,12); speculation [10,40) crosses both.
    const spans = [s(0, 30, 'claim'), s(5, 12, 'quote'), s(10, 40, 'speculation')];
    expect(assignLanes(spans)).toEqual([0, 1, 2]);
  });

  it('gives the longer of two spans starting together the upper lane, whatever the input order', () => {
    expect(assignLanes([s(3, 5, 'quote'), s(3, 20, 'claim')])).toEqual([1, 0]);
  });

  it('reuses a lane once it is free', () => {
    expect(assignLanes([s(0, 10), s(2, 4), s(6, 8)])).toEqual([0, 1, 1]);
  });

  it('never gives two overlapping spans the same lane (random spans)', () => {
    const span = fc
      .tuple(fc.nat(200), fc.integer({ min: 1, max: 60 }), fc.constantFrom(...LABELS))
      .map(([a, n, l]) => s(a, a + n, l));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (spans) => {
        const lanes = assignLanes(spans);
        for (let i = 0; i < spans.length; i++)
          for (let j = i + 1; j < spans.length; j++)
            if (overlap(spans[i] as Extent, spans[j] as Extent)) expect(lanes[i]).not.toBe(lanes[j]);
        // Lowest free lane: never more lanes than the deepest overlap.
        const depth = Math.max(
          0,
          ...spans.map((x) => spans.filter((y) => y.start <= x.start && x.start < y.end).length),
        );
        expect(Math.max(-1, ...lanes) + 1).toBeLessThanOrEqual(depth);
      }),
    );
  });
});

describe('mixedSegments', () => {
  it('is empty for one label, however nested', () => {
    expect(mixedSegments([s(0, 30), s(5, 10), s(8, 20)])).toEqual([]);
  });

  it('covers exactly where two different labels overlap', () => {
    expect(mixedSegments([s(0, 30, 'claim'), s(5, 12, 'quote'), s(25, 40, 'speculation')])).toEqual([
      [5, 12],
      [25, 30],
    ]);
  });

  it('ignores spans that only touch, and merges stretches that meet', () => {
    expect(mixedSegments([s(0, 10, 'claim'), s(10, 20, 'quote')])).toEqual([]);
    // quote over [0,10) then figure over [10,20), both inside a claim: one stretch.
    expect(mixedSegments([s(0, 20, 'claim'), s(0, 10, 'quote'), s(10, 20, 'figure')])).toEqual([[0, 20]]);
  });

  it('matches a per-offset count of distinct labels (random spans)', () => {
    const span = fc
      .tuple(fc.nat(100), fc.integer({ min: 1, max: 40 }), fc.constantFrom(...LABELS))
      .map(([a, n, l]) => s(a, a + n, l));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 20 }), (spans) => {
        const segs = mixedSegments(spans);
        for (let at = 0; at < 140; at++) {
          const labels = new Set(spans.filter((x) => x.start <= at && at < x.end).map((x) => x.label));
          const inSeg = segs.some(([a, b]) => a <= at && at < b);
          expect(inSeg).toBe(labels.size >= 2);
        }
        for (let i = 1; i < segs.length; i++)
          expect((segs[i] as [number, number])[0]).toBeGreaterThan((segs[i - 1] as [number, number])[1]);
      }),
    );
  });
});
