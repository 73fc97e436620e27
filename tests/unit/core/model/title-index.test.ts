import { describe, expect, it } from 'vitest';

import { EMPTY_QUERY, filterLibrary } from '../../../../renderer/src/core/model/library-filter';
import { TitleIndex } from '../../../../renderer/src/core/model/title-index';

const naive = (titles: readonly string[], lowerNeedle: string): number[] =>
  titles.flatMap((t, i) => (t.toLocaleLowerCase().includes(lowerNeedle) ? [i] : []));
const marked = (mask: Uint8Array): number[] => Array.from(mask).flatMap((m, i) => (m ? [i] : []));

describe('TitleIndex', () => {
  const titles = [
    'Line 1',
    'İstanbul İzmir line',
    'Council approves budget',
    '',
    'LINE 12 — über',
    'Ünïcödé 🙂 line',
    'line',
    'Another LINE line line',
  ];

  it('marks exactly the titles that contain the words, case-insensitively, as lower-casing each would', () => {
    const index = TitleIndex.of(titles);
    for (const n of ['line', 'i', 'über', '🙂 l', 'izmir', 'e\u0000l', 'budget', 'x', 'line 1', ' '])
      expect(marked(index.matches(n)), n).toEqual(naive(titles, n));
  });

  it('never matches across two titles', () => {
    const index = TitleIndex.of(['ab', 'cd']);
    expect(marked(index.matches('bc'))).toEqual([]);
    expect(marked(index.matches('b'))).toEqual([0]);
  });

  it('tells whether it holds the same titles in the same order', () => {
    const index = TitleIndex.of(titles);
    const copy = [...titles];
    expect(index.holds(copy.length, (i) => copy[i]!)).toBe(true);
    const renamed = titles.map((t, i) => (i === 2 ? 'Council rejects budget' : t));
    expect(index.holds(renamed.length, (i) => renamed[i]!)).toBe(false);
    expect(index.holds(titles.length - 1, (i) => titles[i]!)).toBe(false);
    expect(marked(TitleIndex.of(renamed).matches('rejects'))).toEqual([2]);
  });

  it('built a chunk at a time, marks what lowering every title marks, across chunks (40,000 titles)', async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => `Report ${i} ${i % 3 === 0 ? 'İzmir' : 'Budget'}`);
    let pauses = 0;
    const index = await TitleIndex.build(many, async () => void pauses++);
    expect(pauses).toBeGreaterThan(0);
    expect(index!.holds(many.length, (i) => many[i]!)).toBe(true);
    for (const n of ['report 1638', 'izmir', 'i̇zmir', 'budget', '9 b', '39999'])
      expect(marked(index!.matches(n)), n).toEqual(naive(many, n));
    expect(marked(index!.matches('report 16384'))).toEqual(
      marked(TitleIndex.of(many).matches('report 16384')),
    );
  });

  it('stops building when asked', async () => {
    let stop = false;
    const many = Array.from({ length: 40_000 }, (_, i) => `T${i}`);
    expect(
      await TitleIndex.build(
        many,
        async () => void (stop = true),
        () => stop,
      ),
    ).toBeNull();
    expect(TitleIndex.of([]).matches('x')).toHaveLength(0);
  });

  it('gives filterLibrary the same result as lower-casing every title', () => {
    const entries = titles.map((title, i) => ({ id: `d${i}`, title, status: 'todo' as const }));
    const q = { ...EMPTY_QUERY, words: 'Line' };
    expect(filterLibrary(entries, q, null, null, TitleIndex.of(titles).matches('line'))).toEqual(
      filterLibrary(entries, q, null, null),
    );
  });
});
