import { describe, expect, it } from 'vitest';

import {
  duplicateInSorted,
  duplicateOf,
  inOrderWithoutDuplicates,
  spanFromSelection,
  spansAt,
  compareSpans,
  type Span,
} from '../../../../renderer/src/core/model/span';
import { CodePointIndex } from '../../../../renderer/src/core/text/code-points';

const make = (text: string, a: number, b: number, existing: Span[] = []) =>
  spanFromSelection(new CodePointIndex(text), a, b, 'claim', existing);

describe('spanFromSelection', () => {
  it('trims leading and trailing whitespace', () => {
    const r = make('  hello world \n', 0, 15);
    expect(r).toEqual({ ok: true, value: { start: 2, end: 13 } });
  });

  it('refuses an empty or whitespace-only selection', () => {
    expect(make('abc', 1, 1)).toMatchObject({ ok: false, error: { kind: 'empty' } });
    expect(make('a \n\t b', 1, 5)).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });

  it('accepts a backwards selection and one crossing paragraphs', () => {
    expect(make('one\ntwo', 6, 1)).toEqual({ ok: true, value: { start: 1, end: 6 } });
  });

  it('refuses an exact duplicate of the same label only', () => {
    const existing: Span[] = [{ id: 'x', start: 0, end: 3, label: 'claim', note: '' }];
    expect(make('abc def', 0, 3, existing)).toMatchObject({ ok: false, error: { kind: 'duplicate' } });
    const asQuote = spanFromSelection(new CodePointIndex('abc def'), 0, 3, 'quote', existing);
    expect(asQuote.ok).toBe(true);
    expect(make('abc def', 0, 2, existing).ok).toBe(true);
  });

  it('never splits a ZWJ emoji sequence, a flag or a combining mark', () => {
    const family = '👩‍👩‍👧';
    const text = `x ${family} y`;
    const cps = Array.from(text);
    // Selecting from inside the family (after the first woman) widens to the whole cluster.
    const inside = make(text, 3, 5);
    expect(inside.ok && cps.slice(inside.value.start, inside.value.end).join('')).toBe(family);
    const flag = 'a🇫🇷b';
    const f = make(flag, 1, 2);
    expect(f.ok && Array.from(flag).slice(f.value.start, f.value.end).join('')).toBe('🇫🇷');
    const cafe = 'Cafe\u0301!';
    const c = make(cafe, 0, 4);
    expect(c).toEqual({ ok: true, value: { start: 0, end: 5 } });
  });

  it('counts offsets in code points around astral characters', () => {
    const text = '𝔘nicode 😀 test';
    const r = make(text, 10, 14);
    expect(r).toEqual({ ok: true, value: { start: 10, end: 14 } });
    const e = make(text, 7, 10);
    expect(e.ok && Array.from(text).slice(e.value.start, e.value.end).join('')).toBe('😀');
  });

  it('refuses a selection outside the text', () => {
    expect(make('abc', 0, 9)).toMatchObject({ ok: false, error: { kind: 'out_of_range' } });
  });
});

describe('spansAt and compareSpans', () => {
  const spans: Span[] = [
    { id: 'b', start: 5, end: 9, label: 'quote', note: '' },
    { id: 'a', start: 0, end: 10, label: 'claim', note: '' },
    { id: 'c', start: 12, end: 14, label: 'figure', note: '' },
  ];
  it('returns every span covering or touching the caret, in text order', () => {
    expect(spansAt(spans, 6).map((s) => s.id)).toEqual(['a', 'b']);
    expect(spansAt(spans, 11)).toEqual([]);
    expect(spansAt(spans, 14).map((s) => s.id)).toEqual(['c']);
  });
  it('orders by start, end, label, id', () => {
    const same = [
      { id: '2', start: 1, end: 4, label: 'quote' as const, note: '' },
      { id: '1', start: 1, end: 4, label: 'claim' as const, note: '' },
      { id: '0', start: 1, end: 3, label: 'speculation' as const, note: '' },
    ];
    expect([...same].sort(compareSpans).map((s) => s.id)).toEqual(['0', '1', '2']);
  });
});

describe('duplicateInSorted', () => {
  it('finds what the scan finds, in spans kept in compareSpans order, and never the span itself', () => {
    const labels = ['claim', 'quote', 'figure', 'speculation'] as const;
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const spans: Span[] = [];
    for (let i = 0; i < 600; i++) {
      const start = rnd(200);
      spans.push({
        id: `s${i}`,
        start,
        end: start + 1 + rnd(6),
        label: labels[rnd(4)] as Span['label'],
        note: '',
      });
    }
    spans.sort(compareSpans);
    let found = 0;
    for (let start = 0; start < 205; start++)
      for (let len = 1; len < 8; len++)
        for (const label of labels) {
          const probe = { id: 'new', start, end: start + len, label, note: '' };
          const want = duplicateOf(spans, probe);
          expect(duplicateInSorted(spans, probe)).toBe(want);
          if (want) {
            found++;
            // A span is not its own duplicate (an update keeps its id).
            expect(duplicateInSorted([want], want)).toBeUndefined();
          }
        }
    expect(found).toBeGreaterThan(50);
  });
});

describe('inOrderWithoutDuplicates', () => {
  const span = (id: string, start: number, end: number, label: Span['label'] = 'claim'): Span => ({
    id,
    start,
    end,
    label,
    note: '',
  });

  it('is true exactly when sorting changes nothing and no two spans share start, end and label', () => {
    expect(inOrderWithoutDuplicates([])).toBe(true);
    expect(inOrderWithoutDuplicates([span('a', 0, 4), span('b', 0, 4, 'quote'), span('c', 2, 3)])).toBe(true);
    // Out of order.
    expect(inOrderWithoutDuplicates([span('c', 2, 3), span('a', 0, 4)])).toBe(false);
    // The same extent and label under two ids (the duplicate rule), even in compareSpans order.
    expect(inOrderWithoutDuplicates([span('a', 0, 4), span('b', 0, 4)])).toBe(false);
  });
});
