import { describe, expect, it } from 'vitest';

import { linkAgreement, linkDisagreements } from '../../../../renderer/src/core/links/agreement';
import { DOC_A, DOC_B, DOC_C, link } from './link-fixtures';

const A1: [string, number, number] = [DOC_A, 0, 10];
const A2: [string, number, number] = [DOC_A, 20, 30];
const B1: [string, number, number] = [DOC_B, 5, 15];
const B1x: [string, number, number] = [DOC_B, 5, 16]; // one character longer

describe('linkAgreement', () => {
  it('matches symmetric links in either direction, directed ones only the same way round', () => {
    const links = [
      link('alice', 'contradicts', A1, B1),
      link('bob', 'contradicts', B1, A1),
      link('alice', 'supports', A2, B1),
      link('bob', 'supports', B1, A2),
      link('alice', 'same_claim', A1, A2),
      link('bob', 'same_claim', A2, A1),
    ];
    const r = linkAgreement(links, ['bob', 'alice']);
    expect(r.annotators).toEqual(['alice', 'bob']);
    const p = r.pairs['alice|bob'];
    expect(p?.contradicts).toEqual({ precision: 1, recall: 1, f1: 1, matched: 1, a_only: 0, b_only: 0 });
    expect(p?.same_claim.f1).toBe(1);
    expect(p?.supports).toEqual({ precision: 0, recall: 0, f1: 0, matched: 0, a_only: 1, b_only: 1 });
    expect(p?.overall).toEqual({
      precision: 2 / 3,
      recall: 2 / 3,
      f1: 2 / 3,
      matched: 2,
      a_only: 1,
      b_only: 1,
    });
    expect(r.overall_f1).toBeCloseTo(2 / 3);
    expect(r.n_links).toEqual({ alice: 3, bob: 3 });
  });

  it('does not match links whose endpoint spans differ by one character', () => {
    const r = linkAgreement(
      [link('alice', 'same_claim', A1, B1), link('bob', 'same_claim', A1, B1x)],
      ['alice', 'bob'],
    );
    expect(r.pairs['alice|bob']?.same_claim).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      matched: 0,
      a_only: 1,
      b_only: 1,
    });
  });

  it('counts precision against the second annotator and recall against the first (A is the reference)', () => {
    const links = [
      link('alice', 'same_claim', A1, B1),
      link('alice', 'same_claim', A2, B1),
      link('bob', 'same_claim', A1, B1),
      link('bob', 'same_claim', A1, A2),
      link('bob', 'same_claim', A2, B1x),
      link('bob', 'same_claim', B1, A1), // bob's duplicate of his first link counts once
    ];
    const s = linkAgreement(links, ['alice', 'bob']).pairs['alice|bob']?.same_claim;
    expect(s).toEqual({ precision: 1 / 3, recall: 1 / 2, f1: 2 / 5, matched: 1, a_only: 1, b_only: 2 });
  });

  it('says n/a (null), never 0 or 1, for a relation nobody used, and averages only defined pairs', () => {
    const r = linkAgreement(
      [link('alice', 'supports', A1, B1), link('bob', 'supports', A1, B1)],
      ['alice', 'bob', 'carol'],
    );
    expect(r.pairs['alice|bob']?.contradicts).toEqual({
      precision: null,
      recall: null,
      f1: null,
      matched: 0,
      a_only: 0,
      b_only: 0,
    });
    expect(r.pairs['alice|carol']?.supports).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(r.per_relation.contradicts.mean_f1).toBeNull();
    expect(r.per_relation.supports.mean_f1).toBeCloseTo(1 / 3);
    expect(Object.keys(r.pairs)).toEqual(['alice|bob', 'alice|carol', 'bob|carol']);
  });

  it('leaves out links with an endpoint outside the studied documents, and says how many', () => {
    const links = [link('alice', 'same_claim', A1, B1), link('bob', 'same_claim', A1, [DOC_C, 0, 4])];
    const r = linkAgreement(links, ['alice', 'bob'], { docs: new Set([DOC_A, DOC_B]) });
    expect(r.left_out).toBe(1);
    expect(r.n_links).toEqual({ alice: 1, bob: 0 });
    expect(r.pairs['alice|bob']?.overall).toMatchObject({ recall: 0, precision: null, a_only: 1 });
  });
});

describe('linkDisagreements', () => {
  const links = [
    link('alice', 'same_claim', A1, B1),
    link('bob', 'same_claim', A1, B1x),
    link('alice', 'contradicts', A2, B1),
    link('bob', 'contradicts', B1, A2),
    link('bob', 'supports', [DOC_C, 0, 4], A1),
  ];

  it('lists the links only one side made, near misses next to each other, optionally one relation', () => {
    const d = linkDisagreements(links, 'alice', 'bob');
    expect(d.map((x) => `${x.side}:${x.relation}:${x.link.to.end}`)).toEqual([
      'a:same_claim:15',
      'b:same_claim:16',
      'b:supports:10',
    ]);
    expect(linkDisagreements(links, 'alice', 'bob', { relation: 'supports' })).toHaveLength(1);
  });

  it('walks the links behind each figure: matched (agreeing), one side only, within the study', () => {
    const walk = (kind: 'matched' | 'a_only' | 'b_only', docs?: Set<string>) =>
      linkDisagreements(links, 'alice', 'bob', { kind, ...(docs ? { docs } : {}) }).map(
        (x) => `${x.side}:${x.relation}:${x.link.annotator}`,
      );
    expect(walk('matched')).toEqual(['both:contradicts:alice']);
    expect(walk('a_only')).toEqual(['a:same_claim:alice']);
    expect(walk('b_only')).toEqual(['b:same_claim:bob', 'b:supports:bob']);
    // The same links the figures count: each list's length is the figure's count.
    const docs = new Set([DOC_A, DOC_B]);
    const r = linkAgreement(links, ['alice', 'bob'], { docs }).pairs['alice|bob']?.overall;
    expect([walk('matched', docs).length, walk('a_only', docs).length, walk('b_only', docs).length]).toEqual([
      r?.matched,
      r?.a_only,
      r?.b_only,
    ]);
  });
});
