import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { LABELS } from '../../../renderer/src/core/model/labels';
import { compareSpans, type Span } from '../../../renderer/src/core/model/span';
import { rowToSpan, spanToRow } from '../../../renderer/src/db/rows';
import { decodeSpanPack, encodeSpanPack, type SpanPack } from '../../../renderer/src/db/span-pack';

/** Strings as imports may bring them: astral, separators, NUL, lone surrogates, empty. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', '\u0000', '\ud800', '\udfff', '😀', '𝔘', '|', ',', '\n', 'a\u0000b', 'x'.repeat(300)),
);

const span: fc.Arbitrary<Span> = fc
  .record({
    id: oddString,
    start: fc.nat({ max: 0xffffffff }),
    len: fc.nat({ max: 1_000 }),
    label: fc.constantFrom(...LABELS),
    note: oddString,
    unsure: fc.boolean(),
  })
  .map(({ id, start, len, label, note, unsure }) => ({
    id,
    start: Math.min(start, 0xffffffff - len),
    end: Math.min(start, 0xffffffff - len) + len,
    label,
    note,
    ...(unsure ? { unsure: true } : {}),
  }));

/** What the rows give: the reference listSpans must equal. */
const viaRows = (spans: readonly Span[]): Span[] =>
  spans.map((s) => rowToSpan(spanToRow(s, 'd', 'a', 0))).sort(compareSpans);

describe('span pack format', () => {
  it('round-trips any spans exactly as the rows give them (ids and notes of any shape)', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (spans) => {
        const sorted = viaRows(spans);
        const pack = encodeSpanPack(sorted);
        expect(pack).not.toBeNull();
        expect(decodeSpanPack(pack as SpanPack)).toStrictEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps astral notes, empty notes, unsure and ids that look like separators apart', () => {
    const spans: Span[] = [
      { id: '', start: 0, end: 1, label: 'claim', note: '' },
      { id: 'a|b', start: 0, end: 1, label: 'claim', note: '😀 𝒳', unsure: true },
      { id: 'a', start: 0, end: 2, label: 'quote', note: '|b' },
      { id: '😀', start: 5, end: 5, label: 'speculation', note: '' },
    ];
    const pack = encodeSpanPack(spans) as SpanPack;
    expect(pack.n).toBe(4);
    expect(Array.from(pack.labels)).toEqual([0, 0, 1, 3]);
    expect(Array.from(pack.unsure)).toEqual([0, 1, 0, 0]);
    expect(decodeSpanPack(pack)).toStrictEqual(spans);
    expect(decodeSpanPack(encodeSpanPack([]) as SpanPack)).toEqual([]);
  });

  it('refuses to pack what its columns cannot hold exactly, so such sets are read from rows', () => {
    const ok: Span = { id: 'x', start: 1, end: 2, label: 'claim', note: '' };
    expect(encodeSpanPack([{ ...ok, start: 1.5 }])).toBeNull();
    expect(encodeSpanPack([{ ...ok, start: -1 }])).toBeNull();
    expect(encodeSpanPack([{ ...ok, end: 2 ** 32 }])).toBeNull();
    expect(encodeSpanPack([{ ...ok, label: 'opinion' as never }])).toBeNull();
    expect(encodeSpanPack([{ ...ok, note: undefined as never }])).toBeNull();
  });

  it('treats a pack of another format or with inconsistent columns as missing', () => {
    const pack = encodeSpanPack([{ id: 'x', start: 1, end: 2, label: 'claim', note: 'n' }]) as SpanPack;
    expect(decodeSpanPack({ ...pack, format: 99 })).toBeNull();
    expect(decodeSpanPack({ ...pack, n: 2 })).toBeNull();
    expect(decodeSpanPack({ ...pack, labels: Uint8Array.of(7) })).toBeNull();
    expect(decodeSpanPack({ ...pack, notes: 'nn' })).toBeNull();
  });
});
