import { describe, expect, it } from 'vitest';

import { claimsFile } from '../../../../renderer/src/core/links/claims-export';
import { DOC_A, DOC_B, link } from './link-fixtures';

describe('the claims file', () => {
  const source = {
    documents: [
      { id: DOC_B, text: 'Second 😀 article: it ends.' },
      { id: DOC_A, text: '𝔘 First article: it continues.' },
    ],
    sets: [
      { docId: DOC_A, annotator: 'alice', spans: [{ start: 2, end: 30, label: 'claim' }] },
      { docId: DOC_B, annotator: 'alice', spans: [{ start: 18, end: 26, label: 'claim' }] },
      { docId: DOC_B, annotator: 'gold', spans: [{ start: 0, end: 6, label: 'claim' }] },
    ],
    links: [link('alice', 'contradicts', [DOC_A, 2, 30], [DOC_B, 18, 26])],
  };

  it('slices mention texts in code points and numbers clusters in library order', () => {
    const out = JSON.parse(claimsFile(source, 'alice')) as { clusters: unknown[] };
    expect(out).toEqual({
      clusters: [
        {
          id: 'c1',
          mentions: [{ doc_id: DOC_B, start: 18, end: 26, text: 'it ends.' }],
          supports: [],
          contradicts: ['c2'],
          articles: 1,
          annotators: ['alice'],
        },
        {
          id: 'c2',
          mentions: [{ doc_id: DOC_A, start: 2, end: 30, text: 'First article: it continues.' }],
          supports: [],
          contradicts: ['c1'],
          articles: 1,
          annotators: ['alice'],
        },
      ],
    });
  });

  it('without an annotator every annotator’s claims count; one line, ending in a newline', () => {
    const text = claimsFile(source);
    expect(text.endsWith('}\n') && !text.slice(0, -1).includes('\n')).toBe(true);
    const out = JSON.parse(text) as { clusters: { mentions: { text: string }[] }[] };
    expect(out.clusters.map((c) => c.mentions[0]?.text)).toEqual([
      'Second',
      'it ends.',
      'First article: it continues.',
    ]);
  });
});
