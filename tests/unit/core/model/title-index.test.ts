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

  it('is kept for the same titles and rebuilt when one changes', () => {
    const index = TitleIndex.of(titles);
    expect(index.reuseFor([...titles])).toBe(index);
    const renamed = titles.map((t, i) => (i === 2 ? 'Council rejects budget' : t));
    const next = index.reuseFor(renamed);
    expect(next).not.toBe(index);
    expect(marked(next.matches('rejects'))).toEqual([2]);
  });

  it('gives filterLibrary the same result as lower-casing every title', () => {
    const entries = titles.map((title, i) => ({ id: `d${i}`, title, status: 'todo' as const }));
    const q = { ...EMPTY_QUERY, words: 'Line' };
    expect(filterLibrary(entries, q, null, null, TitleIndex.of(titles).matches('line'))).toEqual(
      filterLibrary(entries, q, null, null),
    );
  });
});
