import { describe, expect, it } from 'vitest';

import { rebaseSpanEdit, sameSpans } from '../../../../renderer/src/core/model/span-merge';
import type { Span } from '../../../../renderer/src/core/model/span';

const base: Span = { id: 's', start: 0, end: 7, label: 'claim', note: '' };

describe('an edit replayed onto the stored span', () => {
  it('writes only the fields it changes: a relabel keeps a note written elsewhere', () => {
    const stored = { ...base, note: 'from B' };
    expect(rebaseSpanEdit(stored, base, { ...base, label: 'quote' })).toEqual({
      ok: true,
      value: { ...base, label: 'quote', note: 'from B' },
    });
    // Its undo (quote back to claim, as A saw it: no note) keeps the note too.
    const now = { ...stored, label: 'quote' as const };
    expect(rebaseSpanEdit(now, { ...base, label: 'quote' }, base)).toEqual({ ok: true, value: stored });
  });

  it('refuses a field changed elsewhere to another value, naming it; the same value is no clash', () => {
    const stored = { ...base, label: 'figure' as const };
    const r = rebaseSpanEdit(stored, base, { ...base, label: 'quote' });
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^This span's label was changed in another window/),
    });
    expect(rebaseSpanEdit({ ...base, label: 'quote' }, base, { ...base, label: 'quote' })).toMatchObject({
      ok: true,
    });
    const unsure = rebaseSpanEdit({ ...base, unsure: true }, base, { ...base, note: 'n' });
    expect(unsure).toEqual({ ok: true, value: { ...base, note: 'n', unsure: true } });
    expect(rebaseSpanEdit({ ...base, unsure: true }, { ...base, unsure: true }, base)).toEqual({
      ok: true,
      value: base,
    });
  });

  it('compares span lists field by field', () => {
    expect(sameSpans([base], [{ ...base }])).toBe(true);
    expect(sameSpans([base], [{ ...base, note: 'x' }])).toBe(false);
    expect(sameSpans([base], [{ ...base, unsure: false }])).toBe(true);
    expect(sameSpans([base], [])).toBe(false);
  });
});
