import { describe, expect, it, vi } from 'vitest';

import { snapEndToGrapheme, snapStartToGrapheme } from '../../../../renderer/src/core/text/graphemes';

/** Every grapheme-cluster boundary of `text`, from segmenting all of it. */
function boundaries(text: string): Set<number> {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out = new Set<number>([text.length]);
  for (const s of seg.segment(text)) out.add(s.index);
  return out;
}

describe('snapping to grapheme clusters', () => {
  const texts = [
    'Council approved the $14.8 billion plan, said Mr. Doe.',
    'cafe\u0301 and nai\u0308ve, Ångström',
    'line one\r\nline two\nthree',
    'family 👩‍👩‍👧 flag 🇫🇷 thumbs 👍🏽 end',
    'Hangul 한국어 Devanagari नमस्ते Hebrew שלום',
  ];

  it('moves each offset to the cluster boundary at or before (start) and at or after (end)', () => {
    for (const text of texts) {
      const b = boundaries(text);
      for (let u = 0; u <= text.length; u++) {
        let start = u;
        while (!b.has(start)) start--;
        let end = u;
        while (!b.has(end)) end++;
        expect(snapStartToGrapheme(text, u), `${JSON.stringify(text)} start ${u}`).toBe(start);
        expect(snapEndToGrapheme(text, u), `${JSON.stringify(text)} end ${u}`).toBe(end);
      }
    }
  });

  it('answers plain text without segmenting (each segmenter call cost ~0.4 ms of a label)', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      const text = texts[0] as string;
      for (let u = 0; u <= text.length; u++) {
        snapStartToGrapheme(text, u);
        snapEndToGrapheme(text, u);
      }
      expect(segment).not.toHaveBeenCalled();
      snapStartToGrapheme(texts[3] as string, 9);
      expect(segment).toHaveBeenCalled();
    } finally {
      segment.mockRestore();
    }
  });
});
