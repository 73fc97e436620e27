import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CodePointIndex,
  codePointLength,
  findLoneSurrogate,
} from '../../../../renderer/src/core/text/code-points';

/** Reference: code points by Array.from, UTF-16 units by .length. */
const refUtf16Of = (text: string, cp: number): number => Array.from(text).slice(0, cp).join('').length;

const pieces = fc.constantFrom(
  'a',
  ' ',
  '\n',
  '\r\n',
  'é',
  'e\u0301',
  '😀',
  '👩‍👩‍👧',
  '🇫🇷',
  '𝔘',
  'שלום',
  '\u200d',
  '👍🏽',
  '中',
  '\t',
);
const texts = fc.array(pieces, { maxLength: 60 }).map((p) => p.join(''));

describe('CodePointIndex', () => {
  it('converts every code point boundary to UTF-16 and back (property)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const idx = new CodePointIndex(text);
        const cps = Array.from(text);
        expect(idx.codePointLength).toBe(cps.length);
        expect(codePointLength(text)).toBe(cps.length);
        for (let c = 0; c <= cps.length; c++) {
          const u = idx.toUtf16(c);
          expect(u).toBe(refUtf16Of(text, c));
          expect(idx.toCodePoint(u)).toBe(c);
          expect(idx.toCodePoint(u, 'ceil')).toBe(c);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pairs surrogates as Array.from does, lone halves included (property)', () => {
    const withLone = fc
      .array(fc.constantFrom('a', '😀', '\uD800', '\uDC00', '\uDBFF', '\uDFFF', '𝔘'), { maxLength: 40 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(withLone, (text) => {
        const idx = new CodePointIndex(text);
        expect(idx.codePointLength).toBe(Array.from(text).length);
        expect(idx.codePointLength).toBe(codePointLength(text));
        expect(idx.toUtf16(idx.codePointLength)).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps no module state: no shared cache (one index is built per opened document and passed down)', () => {
    expect('of' in CodePointIndex).toBe(false);
    const source = readFileSync('renderer/src/core/text/code-points.ts', 'utf8');
    expect(source).not.toMatch(/^let /m);
    expect(new CodePointIndex('x😀y').codePointLength).toBe(3);
  });

  it('slices exactly as Python text[start:end] (property)', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const cps = Array.from(text);
        const s = a % (cps.length + 1);
        const e = b % (cps.length + 1);
        const [lo, hi] = s <= e ? [s, e] : [e, s];
        expect(new CodePointIndex(text).slice(lo, hi)).toBe(cps.slice(lo, hi).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('rounds an offset inside a surrogate pair down or up', () => {
    const idx = new CodePointIndex('a😀b');
    expect(idx.splitsPair(2)).toBe(true);
    expect(idx.splitsPair(1)).toBe(false);
    expect(idx.toCodePoint(2, 'floor')).toBe(1);
    expect(idx.toCodePoint(2, 'ceil')).toBe(2);
    expect(idx.toCodePoint(4)).toBe(3);
  });

  it('handles the issue example "𝔘nicode 😀 test"', () => {
    const text = '𝔘nicode 😀 test';
    const idx = new CodePointIndex(text);
    expect(text.length).toBe(16);
    expect(idx.codePointLength).toBe(14);
    expect(idx.slice(8, 9)).toBe('😀');
    expect(idx.toUtf16(10)).toBe(12);
    expect(idx.slice(10, 14)).toBe('test');
  });

  it('handles empty text and CRLF', () => {
    const empty = new CodePointIndex('');
    expect(empty.codePointLength).toBe(0);
    expect(empty.toUtf16(0)).toBe(0);
    const crlf = new CodePointIndex('a\r\nb');
    expect(crlf.codePointLength).toBe(4);
    expect(crlf.slice(1, 3)).toBe('\r\n');
  });

  it('rejects offsets outside the text', () => {
    const idx = new CodePointIndex('abc');
    expect(() => idx.toUtf16(4)).toThrow(RangeError);
    expect(() => idx.toUtf16(-1)).toThrow(RangeError);
    expect(() => idx.toCodePoint(1.5)).toThrow(RangeError);
  });

  it('finds lone surrogates', () => {
    expect(findLoneSurrogate('ok 😀')).toBe(-1);
    expect(findLoneSurrogate('a\ud800b')).toBe(1);
    expect(findLoneSurrogate('a\udc00')).toBe(1);
    expect(findLoneSurrogate('\ud83d')).toBe(0);
  });
});
