import { describe, expect, it } from 'vitest';

import { cohenKappa, multiRater, scottPi } from '../../../../renderer/src/core/agreement/coefficients';
import { computeAgreement } from '../../../../renderer/src/core/agreement/report';
import { exactMatches, maxOverlapMatching } from '../../../../renderer/src/core/agreement/span-matching';
import { pairScore } from '../../../../renderer/src/core/agreement/span-scores';
import type { AgreementSpan } from '../../../../renderer/src/core/agreement/types';

const span = (annotator: string, start: number, end: number, label = 'claim', doc = 'd'): AgreementSpan => ({
  annotator,
  doc,
  start,
  end,
  label,
});

// Two annotators over 4 tokens: A = [x, x, y, y], B = [x, y, y, y] (table rows A, columns B).
const table = new Float64Array([1, 1, 0, 2]);

describe('token coefficients, computed by hand', () => {
  it("Cohen's κ: p_o = 3/4, p_e = (2·1 + 2·3)/16 = 1/2, κ = 1/2", () => {
    expect(cohenKappa(table, 2)).toBeCloseTo(0.5, 12);
  });

  it("Scott's π: p_e = (3/8)² + (5/8)² = 17/32, π = 7/15", () => {
    expect(scottPi(table, 2)).toBeCloseTo(7 / 15, 12);
  });

  it("Fleiss' κ = multi-π = π for two raters, α = 1 − 7·2/30 = 8/15, Davies–Fleiss = Cohen", () => {
    const m = multiRater({ k: 2, n: 4, m: 2, tables: [table] }, [{ i: 0, j: 1 }]);
    expect(m.fleissKappa).toBeCloseTo(7 / 15, 12);
    expect(m.multiPi).toBeCloseTo(7 / 15, 12);
    expect(m.krippendorffAlpha).toBeCloseTo(8 / 15, 12);
    expect(m.daviesFleissKappa).toBeCloseTo(0.5, 12);
  });

  it('is null, never NaN, when both put every token in one category', () => {
    const one = new Float64Array([4, 0, 0, 0]);
    expect(cohenKappa(one, 2)).toBeNull();
    expect(scottPi(one, 2)).toBeNull();
    expect(multiRater({ k: 2, n: 4, m: 2, tables: [one] }, [{ i: 0, j: 1 }])).toEqual({
      fleissKappa: null,
      krippendorffAlpha: null,
      multiPi: null,
      daviesFleissKappa: null,
    });
    // Each annotator uses a single category, but not the same one: κ is defined (0), not null.
    expect(cohenKappa(new Float64Array([0, 4, 0, 0]), 2)).toBe(0);
  });

  it('three raters: Fleiss from the per-token formula', () => {
    // Tokens × raters: t1 = (x, x, x), t2 = (x, x, y). P_t = 1, 1/3; P̄ = 2/3; p = (5/6, 1/6);
    // P̄_e = 26/36; κ = (2/3 − 26/36) / (10/36) = −1/5.
    const pairs = [
      { i: 0, j: 1 },
      { i: 0, j: 2 },
      { i: 1, j: 2 },
    ];
    const tables = [
      new Float64Array([2, 0, 0, 0]),
      new Float64Array([1, 1, 0, 0]),
      new Float64Array([1, 1, 0, 0]),
    ];
    const m = multiRater({ k: 2, n: 2, m: 3, tables }, pairs);
    expect(m.fleissKappa).toBeCloseTo(-0.2, 12);
    // α: D_o = 1 − P̄ = 1/3; D_e = (36 − 25 − 1)/(6·5) = 1/3; α = 0.
    expect(m.krippendorffAlpha).toBeCloseTo(0, 12);
  });
});

describe('span scores, computed by hand', () => {
  it('P/R/F1 with A as reference; empty sides give null, one empty side F1 = 0', () => {
    expect(pairScore(1, 2, 1)).toEqual({ p: 1, r: 0.5, f1: 2 / 3, matched: 1, n_ref: 2, n_other: 1 });
    expect(pairScore(0, 0, 0)).toEqual({ p: null, r: null, f1: null, matched: 0, n_ref: 0, n_other: 0 });
    expect(pairScore(0, 3, 0)).toEqual({ p: null, r: 0, f1: 0, matched: 0, n_ref: 3, n_other: 0 });
  });

  it('exact matching needs identical offsets', () => {
    const a = [
      { start: 0, end: 5 },
      { start: 0, end: 3 },
      { start: 7, end: 9 },
    ];
    expect(
      exactMatches(a, [
        { start: 0, end: 3 },
        { start: 7, end: 10 },
      ]),
    ).toBe(1);
  });

  it('overlap matching is maximum where greedy by overlap length is not', () => {
    // Greedy takes A1–B1 (overlap 5) and strands A2 and B2; the maximum pairs A1–B2 and A2–B1.
    const a = [
      { start: 0, end: 10 },
      { start: 8, end: 12 },
    ];
    const b = [
      { start: 0, end: 3 },
      { start: 5, end: 10 },
    ];
    expect(maxOverlapMatching(a, b)).toBe(2);
  });

  it('touching spans do not overlap; one span matches at most one', () => {
    expect(maxOverlapMatching([{ start: 0, end: 5 }], [{ start: 5, end: 9 }])).toBe(0);
    expect(
      maxOverlapMatching(
        [{ start: 0, end: 10 }],
        [
          { start: 0, end: 4 },
          { start: 5, end: 9 },
        ],
      ),
    ).toBe(1);
  });
});

describe('computeAgreement on a hand-made study', () => {
  const input = {
    documents: [{ id: 'd', text: 'aa bb cc dd' }], // tokens [0,2) [3,5) [6,8) [9,11)
    annotators: ['B', 'A'],
    spans: [span('A', 0, 5), span('A', 0, 5), span('B', 0, 2), span('B', 6, 8, 'quote')],
  };
  const report = computeAgreement(input);

  it('orders annotators by code point, collapses duplicates and counts', () => {
    expect(report.n_spans).toEqual({ A: 1, B: 2 });
    expect(report.n_spans_by_label['A']).toEqual({ claim: 1, quote: 0, figure: 0, speculation: 0 });
    expect(report.n_tokens).toBe(4);
    expect(Object.keys(report.span.exact.pairs)).toEqual(['A|B']);
  });

  it('span figures', () => {
    expect(report.span.exact.pairs['A|B']).toEqual(pairScore(0, 1, 2));
    expect(report.span.overlap.pairs['A|B']).toEqual({
      p: 0.5,
      r: 1,
      f1: 2 / 3,
      matched: 1,
      n_ref: 1,
      n_other: 2,
    });
    expect(report.span.overlap.per_label['quote']?.pairs['A|B']?.f1).toBe(0);
    expect(report.span.overlap.per_label['figure']?.mean_f1).toBeNull();
  });

  it('token figures: A = [c, c, O, O], B = [c, O, q, O]', () => {
    // p_o = 2/4; n_A = (O 2, c 2), n_B = (O 2, c 1, q 1); p_e = (2·2 + 2·1)/16 = 3/8; κ = 1/5.
    expect(report.token.cohen_kappa.pairs['A|B']).toBeCloseTo(0.2, 12);
    // Binary claim view: A = [1,1,0,0], B = [1,0,0,0]: the hand-checked table above, κ = 1/2.
    expect(report.token.per_label['claim']?.cohen_kappa.mean).toBeCloseTo(0.5, 12);
    expect(report.token.per_label['figure']?.fleiss_kappa).toBeNull();
    expect(report.token_extra.per_label['claim']?.scott_pi.mean).toBeCloseTo(7 / 15, 12);
  });

  it('the single-label view takes the earliest, then longest, then code-point-first label', () => {
    const r = computeAgreement({
      documents: [{ id: 'd', text: 'aa bb' }],
      annotators: ['A', 'B'],
      spans: [
        span('A', 0, 5, 'quote'),
        span('A', 0, 5, 'claim'),
        span('B', 0, 2, 'claim'),
        span('B', 0, 5, 'figure'),
      ],
    });
    // A: claim (same extent, "claim" < "quote") on both tokens; B: figure (longer) on both.
    expect(r.token.cohen_kappa.pairs['A|B']).toBe(0); // both use a single, different category
  });
});

describe('unitizing αU, computed by hand (L = 10, two raters, one category)', () => {
  const study = (spans: AgreementSpan[]) =>
    computeAgreement({ documents: [{ id: 'd', text: 'abcdefghij' }], annotators: ['A', 'B'], spans })
      .unitizing;

  it('identical units: D_o = 0, D_e = 2/10 · 220 / 340', () => {
    const u = study([span('A', 0, 5), span('B', 0, 5)]);
    expect(u.d_o).toBe(0);
    expect(u.d_e).toBeCloseTo(44 / 340, 12);
    expect(u.alpha_u).toBe(1);
    expect(u.per_label).toEqual({ claim: 1, quote: null, figure: null, speculation: null });
    expect(u.categories_in_study).toEqual(['claim']);
    expect(u.units).toBe(2);
    expect(u.continuum_length).toBe(10);
  });

  it('shifted units [0,5) / [2,7): D_o = 2·8/200, D_e = 34/340, αU = 0.2', () => {
    const u = study([span('A', 0, 5), span('B', 2, 7)]);
    expect(u.d_o).toBeCloseTo(0.08, 12);
    expect(u.d_e).toBeCloseTo(0.1, 12);
    expect(u.alpha_u).toBeCloseTo(0.2, 12);
  });

  it('a unit inside the other rater’s gap costs length²', () => {
    const u = study([span('A', 0, 5)]);
    expect(u.d_o).toBeCloseTo(0.25, 12);
    expect(u.d_e).toBeCloseTo(35 / 360, 12);
  });

  it('overlapping units of one annotator and label: not applicable, null with a reason', () => {
    const u = study([
      span('A', 0, 5),
      span('A', 3, 8),
      span('B', 0, 5),
      span('B', 6, 9, 'quote'),
      span('A', 6, 9, 'quote'),
    ]);
    expect(u.per_label['claim']).toBeNull();
    expect(u.per_label['quote']).toBe(1);
    expect(u.alpha_u).toBeNull();
    expect(Object.keys(u.not_applicable ?? {})).toEqual(['claim']);
    expect(u.not_applicable?.['claim']).toContain('A');
    // d_o, d_e stay DKPro's means, its walk traced by hand: claim D_o = 0, gaps A = (−2, 2), B = (5),
    // D_e = 2/10 · 3·(120 + 25) / (380 − 60); quote D_o = 0, D_e = 2/10 · 2·(10 + 9·8) / (380 − 12).
    expect(u.d_o).toBe(0);
    expect(u.d_e).toBeCloseTo((87 / 320 + 32.8 / 368) / 2, 12);
    expect(u.categories_in_study).toEqual(['claim', 'quote']);
  });

  it('no span at all: everything null, nothing in study', () => {
    const u = study([]);
    expect(u).toEqual({
      alpha_u: null,
      per_label: { claim: null, quote: null, figure: null, speculation: null },
      continuum_length: 10,
      units: 0,
      categories_in_study: [],
      d_o: null,
      d_e: null,
    });
  });
});
