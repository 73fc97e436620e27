import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../renderer/src/core/formats/canonical';
import { compareVersions, mergeEntry, mergeSpanSets } from '../../../../renderer/src/core/sync/merge';
import {
  emptySpanSet,
  HISTORY_MAX,
  type Entry,
  type SpanContent,
  type SpanSetDoc,
  type Version,
} from '../../../../renderer/src/core/sync/span-set';
import { validateSpanSet } from '../../../../renderer/src/core/sync/validate';

const DOC = `sha256:${'a'.repeat(64)}`;
const empty = (): SpanSetDoc => emptySpanSet(DOC, 'alice', { updated_at: 0, by: 'init' });

const contentArb: fc.Arbitrary<SpanContent> = fc
  .record({
    start: fc.integer({ min: 0, max: 20 }),
    len: fc.integer({ min: 1, max: 5 }),
    label: fc.constantFrom('claim', 'quote', 'figure', 'speculation' as const),
    note: fc.constantFrom('', 'check', 'x'),
    unsure: fc.option(fc.constant(true), { nil: undefined }),
  })
  .map(({ start, len, label, note, unsure }) => ({
    start,
    end: start + len,
    label,
    note,
    ...(unsure ? { unsure } : {}),
  }));

// Few times and writers, so ties (same time, same writer, different content) are common.
const versionArb: fc.Arbitrary<Version<SpanContent>> = fc
  .record({
    at: fc.integer({ min: 1, max: 6 }),
    by: fc.constantFrom('d1', 'd2', 'd3'),
    body: fc.oneof(contentArb, fc.constant({ deleted: true as const })),
  })
  .map(({ at, by, body }) => ({ ...body, updated_at: at, by }) as Version<SpanContent>);

const ID = fc.constantFrom('s1', 's2', 's3', 's4');
/** Every version a replica has seen, per span id. */
const seenArb = fc.array(fc.tuple(ID, versionArb), { maxLength: 12 });
type Seen = [string, Version<SpanContent>][];

/** The state a replica keeps for what it has seen: per span the newest version, the rest in history. */
function summary(seen: Seen): SpanSetDoc {
  const byId = new Map<string, Version<SpanContent>[]>();
  for (const [id, v] of seen) byId.set(id, [...(byId.get(id) ?? []), v]);
  const spans: Record<string, Entry<SpanContent>> = {};
  for (const [id, vs] of byId) {
    const sorted = [...vs]
      .sort(compareVersions)
      .filter((v, i, a) => i === 0 || compareVersions(v, a[i - 1] as Version<SpanContent>) !== 0);
    const [cur, ...rest] = sorted as [Version<SpanContent>, ...Version<SpanContent>[]];
    const history = rest.slice(0, HISTORY_MAX);
    spans[id] = history.length ? { ...cur, history } : cur;
  }
  return { ...empty(), spans };
}

const same = (a: SpanSetDoc, b: SpanSetDoc): void => {
  expect(canonicalJson(a)).toBe(canonicalJson(b));
};

describe('span-by-span merge, two-way (properties)', () => {
  it('equals the summary of the union of what both sides saw', () => {
    fc.assert(
      fc.property(seenArb, seenArb, (x, y) =>
        same(mergeSpanSets(summary(x), summary(y)), summary([...x, ...y])),
      ),
    );
  });

  it('is commutative, idempotent and associative', () => {
    fc.assert(
      fc.property(seenArb, seenArb, seenArb, (x, y, z) => {
        const [a, b, c] = [summary(x), summary(y), summary(z)];
        same(mergeSpanSets(a, b), mergeSpanSets(b, a));
        same(mergeSpanSets(a, a), a);
        same(mergeSpanSets(mergeSpanSets(a, b), c), mergeSpanSets(a, mergeSpanSets(b, c)));
      }),
    );
  });

  it('converges: replicas that merge the same states in any order end equal', () => {
    fc.assert(
      fc.property(fc.array(seenArb, { minLength: 2, maxLength: 5 }), fc.nat(), (seens, seed) => {
        const states = seens.map(summary);
        const shuffled = fc.sample(fc.shuffledSubarray(states, { minLength: states.length }), {
          seed,
          numRuns: 1,
        })[0] as SpanSetDoc[];
        const fold = (list: SpanSetDoc[]) => list.reduce((acc, s) => mergeSpanSets(acc, s));
        same(fold(states), fold(shuffled));
      }),
    );
  });

  it('keeps the result valid', () => {
    fc.assert(
      fc.property(seenArb, seenArb, (x, y) => {
        expect(validateSpanSet(mergeSpanSets(summary(x), summary(y))).ok).toBe(true);
      }),
    );
  });
});

const span = (
  start: number,
  end: number,
  label: SpanContent['label'],
  at: number,
  by = 'laptop',
): Version<SpanContent> => ({
  start,
  end,
  label,
  note: '',
  updated_at: at,
  by,
});
const withSpans = (spans: Record<string, Entry<SpanContent>>): SpanSetDoc => ({ ...empty(), spans });

describe('span-by-span merge with the common base (one annotator, two machines)', () => {
  const base = withSpans({
    a: span(0, 4, 'claim', 10),
    b: span(5, 9, 'quote', 10),
    c: span(10, 12, 'figure', 10),
  });

  it('is commutative and idempotent for any common base (properties)', () => {
    fc.assert(
      fc.property(seenArb, seenArb, seenArb, (b0, x, y) => {
        const common = summary(b0);
        const [a, b] = [summary([...b0, ...x]), summary([...b0, ...y])];
        same(mergeSpanSets(a, b, common), mergeSpanSets(b, a, common));
        same(mergeSpanSets(a, a, common), a);
      }),
    );
  });

  it('keeps both sets of changes, deletions included, and records no loser where only one side changed', () => {
    const laptop = withSpans({ ...base.spans, a: span(0, 5, 'claim', 20), d: span(13, 15, 'claim', 21) });
    const desktop = withSpans({
      ...base.spans,
      b: { deleted: true, updated_at: 22, by: 'desktop' },
      e: span(16, 18, 'speculation', 23, 'desktop'),
    });
    const merged = mergeSpanSets(laptop, desktop, base);
    same(merged, mergeSpanSets(desktop, laptop, base));
    expect(merged.spans).toEqual({
      a: span(0, 5, 'claim', 20),
      b: { deleted: true, updated_at: 22, by: 'desktop' },
      c: span(10, 12, 'figure', 10),
      d: span(13, 15, 'claim', 21),
      e: span(16, 18, 'speculation', 23, 'desktop'),
    });
  });

  it('where both changed one span, the newest wins and the other is kept in its history', () => {
    const laptop = withSpans({ ...base.spans, a: span(0, 4, 'quote', 30) });
    const desktop = withSpans({ ...base.spans, a: { deleted: true, updated_at: 31, by: 'desktop' } });
    const merged = mergeSpanSets(laptop, desktop, base);
    expect(merged.spans['a']).toEqual({
      deleted: true,
      updated_at: 31,
      by: 'desktop',
      history: [span(0, 4, 'quote', 30)],
    });
    same(merged, mergeSpanSets(desktop, laptop, base));
    same(mergeSpanSets(merged, merged, base), merged);
  });

  it('an edit newer than a deletion brings the span back, and the deletion is in its history', () => {
    const laptop = withSpans({ ...base.spans, c: { deleted: true, updated_at: 40, by: 'laptop' } });
    const desktop = withSpans({
      ...base.spans,
      c: { ...span(10, 12, 'figure', 41, 'desktop'), note: 'kept' },
    });
    const merged = mergeSpanSets(laptop, desktop, base);
    expect(merged.spans['c']).toMatchObject({ note: 'kept', history: [{ deleted: true, updated_at: 40 }] });
  });

  it('ties are broken the same way on every machine', () => {
    const x = span(0, 4, 'claim', 50, 'same');
    const y = span(0, 4, 'quote', 50, 'same');
    expect(mergeEntry<SpanContent>(x, y)).toEqual(mergeEntry<SpanContent>(y, x));
    expect(compareVersions(x, y)).toBe(-compareVersions(y, x));
  });

  it('the document status merges the same way', () => {
    const laptop = { ...base, status: { value: 'done' as const, updated_at: 60, by: 'laptop' } };
    const desktop = { ...base, spans: { ...base.spans, z: span(1, 2, 'claim', 61) } };
    const merged = mergeSpanSets(laptop, desktop, base);
    expect(merged.status.value).toBe('done');
    expect(Object.keys(merged.spans)).toContain('z');
  });

  it('refuses to merge sets of different articles or annotators', () => {
    expect(() => mergeSpanSets(empty(), { ...empty(), annotator: 'bob' })).toThrow(
      /same \(article, annotator\)/,
    );
  });
});
