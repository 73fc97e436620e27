import { describe, expect, it } from 'vitest';

import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';
import { coveredTokenRange, tokenize, tokenOffsets } from '../../../../renderer/src/core/text/tokenize';
import { expectedCases, fixtureCases } from '../agreement/fixture-helpers';

const texts = (text: string): string[] => tokenize(text).map((t) => t.text);

/** The tokenizer's definition: the fixture's pattern, offsets converted to code points the slow way. */
function byPattern(text: string): { start: number; end: number; text: string }[] {
  const out = [];
  let before = 0;
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}_]+|[^\p{L}\p{M}\p{N}_\p{White_Space}]/gu)) {
    at += Array.from(text.slice(before, m.index)).length;
    const len = Array.from(m[0]).length;
    out.push({ start: at, end: at + len, text: m[0] });
    at += len;
    before = m.index + m[0].length;
  }
  return out;
}

describe('tokenize is exactly the pattern (issue 20: a class table replaced the regex)', () => {
  // Word characters, marks, digits, _, every kind of White_Space, astral letters and symbols, RTL,
  // ZWJ, variation selectors, lone surrogates.
  const POOL = [
    ...'aZ_09é\u0301\u0300ßİ',
    ...' \t\n\r\u000b\u000c\u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000',
    ...'.,%$“”’-\u200b\u200d\ufe0f\u00ad',
    '😀',
    '𝔘',
    '𝑥',
    '👍🏽',
    '🇫🇷',
    'שלום',
    'مرحبا',
    '٣',
    '漢字',
    '\ud800',
    '\udc00',
    '\ud83d',
  ];
  it('on 2,000 random strings', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 2000; k++) {
      const text = Array.from(
        { length: Math.floor(rand() * 40) },
        () => POOL[Math.floor(rand() * POOL.length)],
      ).join('');
      expect(tokenize(text), JSON.stringify(text)).toEqual(byPattern(text));
      const offsets = tokenOffsets(text);
      expect([...offsets.starts], JSON.stringify(text)).toEqual(byPattern(text).map((t) => t.start));
    }
  });
});

describe('tokenize', () => {
  it('splits words, numbers, punctuation and symbols', () => {
    expect(texts('The rate rose 4.5% to $12_000, she said.')).toEqual([
      'The',
      'rate',
      'rose',
      '4',
      '.',
      '5',
      '%',
      'to',
      '$',
      '12_000',
      ',',
      'she',
      'said',
      '.',
    ]);
  });

  it('keeps combining marks and variation selectors in the word run', () => {
    expect(texts('Cafe\u0301 ok')).toEqual(['Cafe\u0301', 'ok']);
    expect(texts('a\uFE0F')).toEqual(['a\uFE0F']);
    // U+2764 is a symbol (its own token); U+FE0F is a mark, so it starts a word run.
    expect(texts('\u2764\uFE0F')).toEqual(['\u2764', '\uFE0F']);
  });

  it('makes every emoji code point, ZWJ, regional indicator and skin tone its own token', () => {
    expect(texts('👩‍💻 🇫🇷 👍🏽')).toEqual(['👩', '\u200D', '💻', '🇫', '🇷', '👍', '🏽']);
  });

  it('reports code point offsets after astral characters', () => {
    const tokens = tokenize('𝐀𝐁 x 😀y');
    expect(tokens.map(({ start, end }) => [start, end])).toEqual([
      [0, 2],
      [3, 4],
      [5, 6],
      [6, 7],
    ]);
  });

  it('treats every White_Space character as a separator', () => {
    const ws = '\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000';
    expect(texts(`a${ws}b`)).toEqual(['a', 'b']);
    expect(tokenize(ws)).toEqual([]);
  });

  it('handles Hebrew points, Arabic, CJK and Arabic-Indic digits', () => {
    expect(texts('שָׁלוֹם سلام 東京 ١٢٣')).toEqual(['שָׁלוֹם', 'سلام', '東京', '١٢٣']);
  });

  it('agrees with tokenOffsets and with code point slicing on every fixture text', () => {
    for (const c of fixtureCases) {
      let total = 0;
      for (const doc of c.documents) {
        const index = new CodePointIndex(doc.text);
        const tokens = tokenize(doc.text);
        const offsets = tokenOffsets(doc.text);
        expect(offsets.count).toBe(tokens.length);
        tokens.forEach((t, i) => {
          expect(index.slice(t.start, t.end)).toBe(t.text);
          expect([offsets.starts[i], offsets.ends[i]]).toEqual([t.start, t.end]);
        });
        total += tokens.length;
        expect(index.codePointLength).toBe(doc.len_code_points);
      }
      expect(total, c.name).toBe(expectedCases[c.name]?.['n_tokens']);
      for (const span of c.spans) {
        const doc = c.documents.find((d) => d.id === span.doc);
        expect(new CodePointIndex(doc?.text ?? '').slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it('finds covered tokens: sharing a code point covers, touching does not', () => {
    const t = tokenOffsets('ab  cd ef'); // ab [0,2) cd [4,6) ef [7,9)
    expect(coveredTokenRange(t, 0, 2)).toEqual({ lo: 0, hi: 1 });
    expect(coveredTokenRange(t, 1, 5)).toEqual({ lo: 0, hi: 2 });
    expect(coveredTokenRange(t, 2, 4)).toEqual({ lo: 1, hi: 1 }); // whitespace only
    expect(coveredTokenRange(t, 5, 9)).toEqual({ lo: 1, hi: 3 });
    expect(coveredTokenRange(t, 6, 7)).toEqual({ lo: 2, hi: 2 });
  });

  it('tokenizes a million characters in linear time', () => {
    const text = 'Zürich said 😀 “42%” naïve ﬁnance, '.repeat(30_000);
    const t0 = performance.now();
    const { count } = tokenOffsets(text);
    const ms = performance.now() - t0;
    console.log(`tokenize ${text.length} UTF-16 units: ${count} tokens in ${ms.toFixed(0)} ms`);
    expect(count).toBe(30_000 * 10);
    expect(ms).toBeLessThan(5_000);
  });
});
