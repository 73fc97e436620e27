import { describe, expect, it } from 'vitest';

import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';
import { snapToWords } from '../../../../renderer/src/core/text/words';

/** Code-point offsets of `part` in `text` (first occurrence). */
const at = (text: string, part: string): number => Array.from(text.slice(0, text.indexOf(part))).length;
const len = (s: string): number => Array.from(s).length;
const slice = (text: string, r: { start: number; end: number }): string =>
  Array.from(text).slice(r.start, r.end).join('');

describe('snapToWords', () => {
  const text = '😀 𝔘 The council approved $14.8 billion, it’s 4.5% of the budget.';
  const index = new CodePointIndex(text);
  const select = (part: string) => snapToWords(index, at(text, part), at(text, part) + len(part));

  it('widens ends that cut words, with astral characters before them (code points)', () => {
    expect(slice(text, select('ouncil appro'))).toBe('council approved');
    expect(slice(text, select('ounci'))).toBe('council');
    expect(slice(text, select('4.8 bil'))).toBe('14.8 billion');
    expect(slice(text, select('t’'))).toBe('it’s');
  });

  it('leaves ends on spaces and punctuation where they are', () => {
    expect(slice(text, select(' council '))).toBe(' council ');
    expect(slice(text, select('billion, '))).toBe('billion, ');
    expect(slice(text, select('$14.8'))).toBe('$14.8');
    expect(slice(text, select('4.5%'))).toBe('4.5%');
  });

  it('accepts a backwards selection and leaves an empty one alone', () => {
    const a = at(text, 'ouncil');
    const b = at(text, 'pproved') + 2;
    expect(slice(text, snapToWords(index, b, a))).toBe('council approved');
    expect(snapToWords(index, a, a)).toEqual({ start: a, end: a });
  });

  it('snaps whole words that are longer than its segmenting window', () => {
    const long = `start ${'x'.repeat(1000)} end`;
    const i = new CodePointIndex(long);
    expect(snapToWords(i, 500, 501)).toEqual({ start: 6, end: 1006 });
  });

  it('splits words without spaces by dictionary (Japanese)', () => {
    const ja = '東京都に住んでいます';
    const r = snapToWords(new CodePointIndex(ja), 1, 2);
    expect(slice(ja, r)).toBe('東京');
  });

  it('leaves emoji (not word-like) to the grapheme rules of the span', () => {
    const t = 'Family 👩‍👩‍👧 here';
    const i = new CodePointIndex(t);
    const from = at(t, '👩');
    const r = snapToWords(i, from, from + 2);
    expect(r).toEqual({ start: from, end: from + 2 });
  });
});
