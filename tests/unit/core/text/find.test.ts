import { describe, expect, it } from 'vitest';

import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';
import { findAll, firstFrom, stepMatch } from '../../../../renderer/src/core/text/find';

/** Python's text[start:end]: code points. */
const cpSlice = (text: string, m: { start: number; end: number }): string =>
  Array.from(text).slice(m.start, m.end).join('');

describe('findAll', () => {
  it('finds every occurrence, ignoring case, in code points after emoji', () => {
    const text = '😀 The mayor 👩‍👩‍👧 said the MAYOR 𝔘 would, the mayor.';
    const { matches, truncated } = findAll(new CodePointIndex(text), 'mayor');
    expect(truncated).toBe(false);
    expect(matches.map((m) => cpSlice(text, m))).toEqual(['mayor', 'MAYOR', 'mayor']);
    // Code points, not UTF-16 units: 😀 counts one.
    expect(matches[0]).toEqual({ start: 6, end: 11 });
  });

  it('finds right-to-left text and text next to astral characters', () => {
    const text = 'In القاهرة said 𝔘القاهرة and שלום.';
    const found = findAll(new CodePointIndex(text), 'القاهرة').matches;
    expect(found.map((m) => cpSlice(text, m))).toEqual(['القاهرة', 'القاهرة']);
    expect(found[1]?.start).toBe(Array.from('In القاهرة said 𝔘').length);
    expect(findAll(new CodePointIndex(text), 'שלום').matches.map((m) => cpSlice(text, m))).toEqual(['שלום']);
  });

  it('takes the query literally (no regex), and lets spaces match a line break', () => {
    const text = 'Costs (est.) rose 4.5% [sic]\nnext year; costs (est.) fell.';
    const index = new CodePointIndex(text);
    expect(findAll(index, '(est.)').matches).toHaveLength(2);
    expect(findAll(index, '4.5%').matches.map((m) => cpSlice(text, m))).toEqual(['4.5%']);
    expect(findAll(index, '[sic] next').matches.map((m) => cpSlice(text, m))).toEqual(['[sic]\nnext']);
    expect(findAll(index, '.*').matches).toEqual([]);
  });

  it('keeps offsets exact where lower-casing would change the length', () => {
    // "İ".toLowerCase() is two UTF-16 units: a search on lower-cased text would shift every offset.
    const text = 'İstanbul and İzmir; then Ankara.';
    const found = findAll(new CodePointIndex(text), 'ankara').matches;
    expect(found.map((m) => cpSlice(text, m))).toEqual(['Ankara']);
  });

  it('finds nothing for an empty or blank query, and stops at the limit', () => {
    const index = new CodePointIndex('a a a a a');
    expect(findAll(index, '   ').matches).toEqual([]);
    expect(findAll(index, 'a', 3)).toEqual({
      matches: [
        { start: 0, end: 1 },
        { start: 2, end: 3 },
        { start: 4, end: 5 },
      ],
      truncated: true,
    });
  });
});

describe('stepping', () => {
  const matches = [
    { start: 2, end: 4 },
    { start: 10, end: 12 },
    { start: 20, end: 22 },
  ];
  it('starts at the first match at or after the caret, wrapping to the first', () => {
    expect(firstFrom(matches, 0)).toBe(0);
    expect(firstFrom(matches, 10)).toBe(1);
    expect(firstFrom(matches, 11)).toBe(2);
    expect(firstFrom(matches, 21)).toBe(0);
    expect(firstFrom([], 5)).toBe(-1);
  });
  it('steps forward and back, wrapping', () => {
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(-1, 0, 1)).toBe(-1);
  });
});
