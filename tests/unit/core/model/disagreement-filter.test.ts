import { describe, expect, it } from 'vitest';

import { buildDecisions, type SourceSpan } from '../../../../renderer/src/core/model/decisions';
import {
  confusionCellAction,
  filterAgreed,
  filterDecisions,
  listingHeading,
  type DisagreementFilter,
} from '../../../../renderer/src/core/model/disagreement-filter';
import type { Label } from '../../../../renderer/src/core/model/labels';

let n = 0;
const span = (annotator: string, start: number, end: number, label: Label): SourceSpan => ({
  id: `${annotator}-${n++}`,
  annotator,
  start,
  end,
  label,
  note: '',
});

// Issue 19 item 13: every figure opens the spans behind it, with a correct label.
describe('the spans behind a figure', () => {
  const built = buildDecisions(
    [
      span('a', 0, 5, 'claim'),
      span('b', 0, 5, 'claim'),
      span('a', 10, 15, 'figure'),
      span('b', 10, 15, 'figure'),
      span('a', 20, 25, 'quote'),
      span('b', 20, 27, 'quote'),
      span('a', 30, 35, 'claim'),
      span('b', 30, 35, 'speculation'),
    ],
    ['a', 'b'],
  );
  const base: DisagreementFilter = { docIds: ['d'], annotators: ['a', 'b'], title: 't' };
  const cell = (rowLabel: string, colLabel: string): DisagreementFilter => ({
    ...base,
    confusion: { a: 'a', b: 'b', rowLabel, colLabel },
    agreements: rowLabel === colLabel,
  });
  const labels = (f: DisagreementFilter) => filterAgreed(built.agreed, f).map((c) => c.label);

  it('a diagonal confusion cell is an agreement: its agreed spans, and its label says so', () => {
    expect(confusionCellAction('claim', 'claim')).toBe('Show these agreements');
    expect(confusionCellAction('claim', 'O')).toBe('Show these disagreements');
    expect(confusionCellAction('O', 'quote')).toBe('Show these disagreements');
    expect(labels(cell('claim', 'claim'))).toEqual(['claim']);
    expect(labels(cell('figure', 'figure'))).toEqual(['figure']);
    // Both marked quote with other ends: the quote diagonal also holds that boundary disagreement.
    expect(filterDecisions(built.decisions, cell('quote', 'quote')).map((d) => d.label)).toEqual(['quote']);
    expect(labels(cell('claim', 'speculation'))).toEqual([]);
    expect(filterDecisions(built.decisions, cell('claim', 'speculation')).map((d) => d.label)).toEqual([
      'claim',
      'speculation',
    ]);
    expect(labels(cell('O', 'O'))).toEqual([]);
  });

  it('an overall, label or pair figure rests on agreements and disagreements alike', () => {
    expect(labels({ ...base, agreements: true })).toEqual(['claim', 'figure']);
    expect(filterDecisions(built.decisions, base)).toHaveLength(3);
    expect(labels({ ...base, agreements: true, label: 'figure' })).toEqual(['figure']);
    // A disagreement-only filter lists no agreed span.
    expect(labels(base)).toEqual([]);
  });
});

// Review of issue 19: "Disagreements:" stood over agreements too.
describe('the heading over the spans behind a figure', () => {
  it('says what is listed', () => {
    expect(listingHeading('α', { disagreements: 2, agreements: 1 })).toBe('Disagreements and agreements: α');
    expect(listingHeading('label figure', { disagreements: 0, agreements: 3 })).toBe(
      'Agreements: label figure',
    );
    expect(listingHeading('a claim × b quote', { disagreements: 1, agreements: 0 })).toBe(
      'Disagreements: a claim × b quote',
    );
    expect(listingHeading('empty', { disagreements: 0, agreements: 0 })).toBe('Disagreements: empty');
  });
});
