import { describe, expect, it } from 'vitest';

import { labelConfusion } from '../../../../renderer/src/core/agreement/confusion';
import { classifyDisagreements } from '../../../../renderer/src/core/agreement/disagreements';
import { compareWorstFirst, documentFigures } from '../../../../renderer/src/core/agreement/document-figures';
import { analyzeAgreement, computeAgreement } from '../../../../renderer/src/core/agreement/report';
import { validateAgreementInput } from '../../../../renderer/src/core/agreement/validate';
import type { AgreementSpan } from '../../../../renderer/src/core/agreement/types';
import { fixtureCases } from './fixture-helpers';

const span = (annotator: string, start: number, end: number, label = 'claim', doc = 'd'): AgreementSpan => ({
  annotator,
  doc,
  start,
  end,
  label,
});

describe('labelConfusion', () => {
  const analysis = analyzeAgreement({
    documents: [{ id: 'd', text: 'aa bb cc dd' }],
    annotators: ['A', 'B'],
    spans: [span('A', 0, 5), span('B', 0, 2), span('B', 6, 8, 'quote')],
  });

  it('counts tokens per (row label, column label), "O" included', () => {
    const c = labelConfusion(analysis, 'A', 'B');
    expect(c.categories).toEqual(['O', 'claim', 'quote', 'figure', 'speculation']);
    expect(c.counts[0]).toEqual([1, 0, 1, 0, 0]); // A: O — B: O (dd), quote (cc)
    expect(c.counts[1]).toEqual([1, 1, 0, 0, 0]); // A: claim — B: O (bb), claim (aa)
    expect(c.nTokens).toBe(4);
  });

  it('transposes when asked the other way round, and filters documents', () => {
    const c = labelConfusion(analysis, 'B', 'A');
    expect(c.counts[2]).toEqual([1, 0, 0, 0, 0]); // B: quote — A: O
    expect(labelConfusion(analysis, 'A', 'B', []).nTokens).toBe(0);
    expect(() => labelConfusion(analysis, 'A', 'Z')).toThrow(RangeError);
  });

  it('agrees with the report on every fixture (diagonal = observed agreement)', () => {
    for (const c of fixtureCases) {
      const a = analyzeAgreement(c);
      const [x, y] = a.study.annotators as [string, string];
      const m = labelConfusion(a, x, y);
      const total = m.counts.flat().reduce((s, n) => s + n, 0);
      expect(total).toBe(computeAgreement(c).n_tokens);
    }
  });
});

describe('documentFigures', () => {
  it('gives one row per document; the sum of tokens is the study’s; worst first puts low α first', () => {
    const input = {
      documents: [
        { id: 'good', text: 'aa bb cc' },
        { id: 'bad', text: 'aa bb cc' + ' ' },
        { id: 'empty', text: 'zz' },
      ],
      annotators: ['A', 'B'],
      spans: [
        span('A', 0, 5, 'claim', 'good'),
        span('B', 0, 5, 'claim', 'good'),
        span('A', 0, 5, 'claim', 'bad'),
      ],
    };
    const rows = documentFigures(analyzeAgreement(input));
    expect(rows.map((r) => r.nTokens)).toEqual([3, 3, 1]);
    expect(rows[0]).toMatchObject({ exactF1: 1, overlapF1: 1, krippendorffAlpha: 1, nSpans: { A: 1, B: 1 } });
    expect(rows[1]?.overlapF1).toBe(0);
    expect(rows[2]?.krippendorffAlpha).toBeNull();
    expect([...rows].sort(compareWorstFirst).map((r) => r.id)).toEqual(['bad', 'good', 'empty']);
  });
});

describe('classifyDisagreements', () => {
  const ids = (groups: ReturnType<typeof classifyDisagreements>) =>
    groups.map((g) => [g.kind, g.start, g.end, g.byAnnotator.map((a) => a.spans.length)]);

  it('agreement produces no group', () => {
    expect(classifyDisagreements([span('A', 0, 5), span('B', 0, 5), span('A', 0, 5)], ['A', 'B'])).toEqual(
      [],
    );
  });

  it('missing, different label, different boundaries', () => {
    const groups = classifyDisagreements(
      [
        span('A', 0, 5), // B has nothing here → missing
        span('A', 10, 15, 'claim'),
        span('B', 10, 15, 'quote'), // same extent, other label
        span('A', 20, 25, 'figure'),
        span('B', 21, 25, 'figure'), // same label, other offsets
        span('A', 30, 35),
        span('B', 30, 35), // agreed
      ],
      ['A', 'B'],
    );
    expect(ids(groups)).toEqual([
      ['missing', 0, 5, [1, 0]],
      ['different_label', 10, 15, [1, 1]],
      ['different_boundaries', 20, 25, [1, 1]],
    ]);
    expect(groups[1]?.labels).toEqual(['claim', 'quote']);
  });

  it('nested spans: an agreed outer span does not hide a missing inner one', () => {
    const groups = classifyDisagreements(
      [span('A', 0, 50), span('B', 0, 50), span('A', 10, 20, 'quote'), span('C', 0, 50)],
      ['A', 'B', 'C'],
    );
    expect(ids(groups)).toEqual([['missing', 10, 20, [1, 0, 0]]]);
  });

  it('ignores annotators not asked for and returns the caller’s span objects', () => {
    const mine = { ...span('A', 0, 5), id: 's1' };
    const groups = classifyDisagreements([mine, span('Z', 0, 5)], ['A', 'B']);
    expect(groups[0]?.byAnnotator[0]?.spans[0]).toBe(mine);
    expect(groups[0]?.kind).toBe('missing');
  });
});

describe('validateAgreementInput', () => {
  it('lists problems as values; computeAgreement refuses the same input', () => {
    const bad = {
      documents: [{ id: 'd', text: 'abc' }],
      annotators: ['A'],
      spans: [span('A', 2, 9), span('Q', 0, 1), span('A', 0, 1, 'opinion'), span('A', 0, 1, 'claim', 'x')],
    };
    const problems = validateAgreementInput(bad);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/at least two annotators/);
    expect(() => computeAgreement(bad)).toThrow(RangeError);
  });

  it('accepts every fixture case', () => {
    for (const c of fixtureCases) expect(validateAgreementInput(c)).toEqual([]);
  });
});

describe('options', () => {
  it('labels filter restricts every member to the chosen labels; progress ends at 1', () => {
    const c = fixtureCases.find((x) => x.name === 'news_three_annotators');
    if (!c) throw new Error('fixture missing');
    const seen: number[] = [];
    const r = computeAgreement(c, { labels: ['quote', 'claim'], onProgress: (f) => seen.push(f) });
    expect(Object.keys(r.span.exact.per_label)).toEqual(['quote', 'claim']);
    expect(Object.keys(r.unitizing.per_label)).toEqual(['quote', 'claim']);
    const full = computeAgreement(c);
    expect(r.token.per_label['claim']).toEqual(full.token.per_label['claim']);
    expect(r.span.overlap.per_label['quote']).toEqual(full.span.overlap.per_label['quote']);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] as number))).toBe(true);
  });
});
