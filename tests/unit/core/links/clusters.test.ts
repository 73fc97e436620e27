import { describe, expect, it } from 'vitest';

import { buildClaimClusters, claimsJson, type ClaimSpan } from '../../../../renderer/src/core/links/clusters';
import { DOC_A, DOC_B, DOC_C, link } from './link-fixtures';

const claim = (annotator: string, docId: string, start: number, end: number, label = 'claim'): ClaimSpan => ({
  annotator,
  docId,
  start,
  end,
  label,
});

describe('claim clusters', () => {
  it('joins same_claim mentions transitively across articles and turns contradicts into edges both ways', () => {
    const spans = [
      claim('alice', DOC_A, 0, 10),
      claim('alice', DOC_B, 5, 15),
      claim('alice', DOC_C, 0, 8),
      claim('bob', DOC_C, 0, 8),
      claim('alice', DOC_C, 30, 40),
      claim('alice', DOC_A, 50, 60, 'quote'), // not a claim, not linked: no mention
    ];
    const links = [
      link('alice', 'same_claim', [DOC_A, 0, 10], [DOC_B, 5, 15]),
      link('bob', 'same_claim', [DOC_C, 30, 40], [DOC_B, 5, 15]),
      link('alice', 'contradicts', [DOC_C, 0, 8], [DOC_A, 0, 10]),
    ];
    const clusters = buildClaimClusters(spans, links, { docOrder: [DOC_A, DOC_B, DOC_C] });
    expect(clusters.map((c) => [c.id, c.mentions.map((m) => `${m.docId.slice(7, 8)}${m.start}`)])).toEqual([
      ['c1', ['a0', 'b5', 'c30']],
      ['c2', ['c0']],
    ]);
    expect(clusters[0]).toMatchObject({
      contradicts: ['c2'],
      supports: [],
      articles: 3,
      annotators: ['alice', 'bob'],
    });
    expect(clusters[1]).toMatchObject({ contradicts: ['c1'], articles: 1, annotators: ['alice', 'bob'] });
  });

  it('keeps supports directed, makes any linked span a mention, and keeps an edge inside one cluster', () => {
    const links = [
      link('alice', 'supports', [DOC_A, 50, 60], [DOC_B, 5, 15]), // a quote supporting a claim
      link('alice', 'same_claim', [DOC_B, 5, 15], [DOC_B, 20, 30]),
      link('alice', 'contradicts', [DOC_B, 20, 30], [DOC_B, 5, 15]),
    ];
    const clusters = buildClaimClusters([], links, { docOrder: [DOC_A, DOC_B] });
    expect(
      clusters.map((c) => ({ id: c.id, supports: c.supports, by: c.supportedBy, x: c.contradicts })),
    ).toEqual([
      { id: 'c1', supports: ['c2'], by: [], x: [] },
      { id: 'c2', supports: [], by: ['c1'], x: ['c2'] },
    ]);
  });

  it('numbers clusters by their first mention, whatever order the links come in', () => {
    const links = [
      link('a', 'same_claim', [DOC_B, 1, 2], [DOC_C, 1, 2]),
      link('a', 'same_claim', [DOC_A, 9, 10], [DOC_C, 5, 6]),
      link('a', 'contradicts', [DOC_C, 1, 2], [DOC_A, 9, 10]),
    ];
    const forward = buildClaimClusters([], links, { docOrder: [DOC_A, DOC_B, DOC_C] });
    const backward = buildClaimClusters([], [...links].reverse(), { docOrder: [DOC_A, DOC_B, DOC_C] });
    expect(backward).toEqual(forward);
    expect(forward.map((c) => c.mentions[0]?.docId)).toEqual([DOC_A, DOC_B]);
  });

  it('writes the claims JSON of the issue with each mention’s text', () => {
    const clusters = buildClaimClusters(
      [claim('alice', DOC_A, 0, 5)],
      [link('alice', 'contradicts', [DOC_A, 0, 5], [DOC_B, 0, 3])],
    );
    const json = claimsJson(clusters, (m) => (m.docId === DOC_A ? 'Hello' : 'Bye'));
    expect(json).toEqual({
      clusters: [
        {
          id: 'c1',
          mentions: [{ doc_id: DOC_A, start: 0, end: 5, text: 'Hello' }],
          supports: [],
          contradicts: ['c2'],
          articles: 1,
          annotators: ['alice'],
        },
        {
          id: 'c2',
          mentions: [{ doc_id: DOC_B, start: 0, end: 3, text: 'Bye' }],
          supports: [],
          contradicts: ['c1'],
          articles: 1,
          annotators: ['alice'],
        },
      ],
    });
  });
});
