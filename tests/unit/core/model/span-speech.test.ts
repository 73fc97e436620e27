import { describe, expect, it } from 'vitest';

import { describeCommand } from '../../../../renderer/src/core/commands/annotate';
import type { Span } from '../../../../renderer/src/core/model/span';
import { spansAtCaretSpeech } from '../../../../renderer/src/core/model/span-speech';

const TEXT = 'The budget of $14.8 billion will grow.';
const span = (start: number, end: number, label: Span['label'], extra: Partial<Span> = {}): Span => ({
  id: `${label}${start}`,
  start,
  end,
  label,
  note: '',
  ...extra,
});
const excerpt = (s: Span): string => {
  const t = TEXT.slice(s.start, s.end);
  return t.length > 12 ? `${t.slice(0, 12)}…` : t;
};

describe('spansAtCaretSpeech', () => {
  it('names spans over the same text together, then the others, with their marks', () => {
    const figure = span(14, 27, 'figure');
    const claim = span(14, 27, 'claim');
    const outer = span(0, 38, 'speculation', { unsure: true, note: 'maybe' });
    expect(spansAtCaretSpeech([claim, figure], excerpt)).toBe('claim and figure: “$14.8 billio…”');
    expect(spansAtCaretSpeech([outer, claim, figure], excerpt)).toBe(
      'speculation (unsure, with a note): “The budget o…”; claim and figure: “$14.8 billio…”',
    );
    expect(
      spansAtCaretSpeech([span(0, 3, 'quote'), span(0, 3, 'claim'), span(0, 3, 'figure')], excerpt),
    ).toBe('quote, claim and figure: “The”');
    expect(spansAtCaretSpeech([], excerpt)).toBe('');
  });
});

describe('describeCommand says what an update changed', () => {
  const before = span(0, 3, 'claim');
  it.each([
    [{ ...before, label: 'quote' as const }, 'changed claim to quote'],
    [{ ...before, note: 'why' }, 'edited the note on claim'],
    [{ ...before, unsure: true }, 'marked claim unsure'],
    [{ ...before, end: 5 }, 'moved the ends of claim'],
  ])('%o', (after, said) => {
    expect(describeCommand({ kind: 'update', before, after })).toBe(said);
  });
  it('names the removal of a note and of "unsure"', () => {
    const noted = { ...before, note: 'why', unsure: true };
    expect(describeCommand({ kind: 'update', before: noted, after: { ...noted, note: '' } })).toBe(
      'removed the note on claim',
    );
    const { unsure: _u, ...sure } = noted;
    expect(describeCommand({ kind: 'update', before: noted, after: sure })).toBe('marked claim sure');
  });
});
