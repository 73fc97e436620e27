import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { analyzeAgreement, computeAgreement } from '../../../../renderer/src/core/agreement/report';
import { maxOverlapMatching } from '../../../../renderer/src/core/agreement/span-matching';
import type { AgreementInput, AgreementSpan, Figure } from '../../../../renderer/src/core/agreement/types';
import { LABELS } from '../../../../renderer/src/core/model/labels';
import { tokenize } from '../../../../renderer/src/core/text/tokenize';
import {
  sortForWalk,
  walkedGaps,
  walkedPairDisagreement,
} from '../../../../renderer/src/core/agreement/unitizing-dkpro';
import { bruteMaxMatching, naiveCategories, naiveUnitizing } from './naive';

const WORDS = ['a', 'bc', 'déf', '42', '😀', ',', 'x̌y', '𝐀𝐁', '—'];
const SEPARATORS = [' ', '  ', '\n', '\u00A0', ''];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 25 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Random spans on a text of `length` code points (start < end). */
const spansArb = (length: number, maxSpans = 8) =>
  fc.array(
    fc
      .tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...LABELS))
      .map(([start, len, label]) => ({ start, end: Math.min(length, start + len), label })),
    { maxLength: maxSpans },
  );

/** A one-document study with 2–3 annotators, each with random spans. */
const studyArb: fc.Arbitrary<AgreementInput> = textArb.chain((text) => {
  const length = [...text].length;
  return fc
    .tuple(spansArb(length), spansArb(length), spansArb(length), fc.boolean())
    .map(([a, b, c, three]) => {
      const names = three ? ['ann', 'bob', 'cy'] : ['ann', 'bob'];
      const lists = three ? [a, b, c] : [a, b];
      const spans: AgreementSpan[] = lists.flatMap((list, i) =>
        list.map((s) => ({ ...s, annotator: names[i] as string, doc: 'd' })),
      );
      return { documents: [{ id: 'd', text }], annotators: names, spans };
    });
});

/** Every figure reachable in a report, with its path. */
function figures(value: unknown, path = ''): [string, Figure][] {
  if (value === null || typeof value === 'number') return [[path, value]];
  if (typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => figures(v, `${path}.${k}`));
}

describe('properties', () => {
  it('identical annotators: every defined F1, κ, π, α is 1', () => {
    fc.assert(
      fc.property(studyArb, (study) => {
        const first = study.spans.filter((s) => s.annotator === 'ann');
        const copy = study.annotators.flatMap((annotator) => first.map((s) => ({ ...s, annotator })));
        const r = computeAgreement({ ...study, spans: copy });
        const agreeing = [
          ...figures(r.span).filter(
            ([p]) => p.endsWith('.f1') || p.endsWith('.p') || p.endsWith('.r') || p.endsWith('mean_f1'),
          ),
          ...figures(r.token).filter(([p]) => !p.includes('n_')),
          ...figures(r.token_extra),
        ];
        for (const [path, v] of agreeing) if (v !== null) expect(v, path).toBeCloseTo(1, 12);
        for (const [path, v] of Object.entries(r.unitizing.per_label))
          if (v !== null) expect(v, path).toBeCloseTo(1, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('swapping two annotators leaves pairwise figures unchanged (P and R trade places)', () => {
    fc.assert(
      fc.property(studyArb, (study) => {
        const swap = (name: string): string => (name === 'ann' ? 'bob' : name === 'bob' ? 'ann' : name);
        const swapped = { ...study, spans: study.spans.map((s) => ({ ...s, annotator: swap(s.annotator) })) };
        const close = (a: Figure | undefined, b: Figure | undefined): void => {
          if (a === null || a === undefined) expect(b).toBe(a);
          else expect(b).toBeCloseTo(a, 12);
        };
        const r1 = computeAgreement(study);
        const r2 = computeAgreement(swapped);
        for (const kind of ['exact', 'overlap'] as const) {
          const x = r1.span[kind].pairs['ann|bob'];
          const y = r2.span[kind].pairs['ann|bob'];
          expect(y).toEqual({ ...x, p: x?.r, r: x?.p, n_ref: x?.n_other, n_other: x?.n_ref });
          close(r2.span[kind].mean_f1, r1.span[kind].mean_f1); // summed in another order
        }
        close(r2.token.cohen_kappa.pairs['ann|bob'], r1.token.cohen_kappa.pairs['ann|bob']);
        close(r2.token_extra.scott_pi.pairs['ann|bob'], r1.token_extra.scott_pi.pairs['ann|bob']);
        close(r2.token.fleiss_kappa, r1.token.fleiss_kappa);
        close(r2.token.krippendorff_alpha, r1.token.krippendorff_alpha);
        close(r2.unitizing.alpha_u, r1.unitizing.alpha_u);
        for (const label of LABELS) {
          close(r2.token.per_label[label]?.cohen_kappa.mean, r1.token.per_label[label]?.cohen_kappa.mean);
          close(r2.unitizing.per_label[label], r1.unitizing.per_label[label]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('overlap matching equals an exhaustive maximum matching', () => {
    const intervals = fc
      .array(
        fc
          .tuple(fc.nat({ max: 30 }), fc.integer({ min: 1, max: 10 }))
          .map(([s, l]) => ({ start: s, end: s + l })),
        { maxLength: 7 },
      )
      .map((xs) => {
        const unique = [...new Map(xs.map((x) => [`${x.start}:${x.end}`, x])).values()];
        return unique.sort((x, y) => x.start - y.start || y.end - x.end);
      });
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        expect(maxOverlapMatching(a, b)).toBe(bruteMaxMatching(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('the token views follow the README rule token by token', () => {
    fc.assert(
      fc.property(studyArb, (study) => {
        const { study: s, views } = analyzeAgreement(study);
        const text = study.documents[0]?.text ?? '';
        const tokens = tokenize(text);
        s.annotators.forEach((name, a) => {
          const mine = study.spans.filter((x) => x.annotator === name);
          const expected = naiveCategories(tokens, mine);
          const actual = [...(views[a]?.category ?? [])].map((c) => (c === 0 ? 'O' : s.labels[c - 1]));
          expect(actual).toEqual(expected);
          LABELS.forEach((label, l) => {
            const bits = tokens.map((t) =>
              mine.some((x) => x.label === label && x.start < t.end && t.start < x.end) ? 1 : 0,
            );
            expect([...(views[a]?.mask ?? [])].map((m) => (m >> l) & 1)).toEqual(bits);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('αU by sweeping equals the position-by-position definition', () => {
    fc.assert(
      fc.property(studyArb, (study) => {
        const length = [...(study.documents[0]?.text ?? '')].length;
        const r = computeAgreement(study).unitizing;
        for (const label of LABELS) {
          const units = study.annotators.map((name) => {
            const list = study.spans.filter((x) => x.annotator === name && x.label === label);
            return [...new Map(list.map((x) => [`${x.start}:${x.end}`, x])).values()];
          });
          const overlapping = units.some((list) =>
            list.some((x, i) => list.some((y, j) => i !== j && x.start < y.end && y.start < x.end)),
          );
          const v = r.per_label[label];
          if (units.flat().length === 0 || overlapping) {
            expect(v).toBeNull();
            continue;
          }
          const { dO, dE } = naiveUnitizing(units, length);
          if (dE === 0) expect(v).toBeNull();
          else expect(v).toBeCloseTo(1 - dO / dE, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("DKPro's literal walk equals the definition on disjoint units (and ends on overlapping ones)", () => {
    const units = (length: number) =>
      fc
        .array(fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: 8 })), { maxLength: 6 })
        .map((xs) => xs.map(([s, l]) => ({ start: s, end: Math.min(length, s + l) })));
    const disjoint = (xs: { start: number; end: number }[]) => {
      const out: { start: number; end: number }[] = [];
      for (const x of [...xs].sort((p, q) => p.start - q.start)) {
        if (out.every((y) => x.end <= y.start || y.end <= x.start)) out.push(x);
      }
      return out;
    };
    fc.assert(
      fc.property(
        fc
          .integer({ min: 5, max: 40 })
          .chain((length) => fc.tuple(fc.constant(length), units(length), units(length))),
        ([length, xs, ys]) => {
          const a = disjoint(xs);
          const b = disjoint(ys);
          const walkUnits = (list: typeof a) =>
            sortForWalk(list.map((u) => ({ begin: u.start, end: u.end })));
          const { dO } = naiveUnitizing([a, b], length);
          const walked = walkedPairDisagreement(walkUnits(a), walkUnits(b), length);
          expect(walked / (length * length)).toBeCloseTo(dO, 12);
          const gaps = [...walkedGaps(walkUnits(a), length)].sort((p, q) => p - q);
          const expectedGaps: number[] = [];
          let pos = 0;
          for (const u of a) {
            if (u.start > pos) expectedGaps.push(u.start - pos);
            pos = u.end;
          }
          if (length > pos) expectedGaps.push(length - pos);
          expect(gaps).toEqual(expectedGaps.sort((p, q) => p - q));
          // Overlapping input: the walk must still terminate with a finite sum.
          expect(Number.isFinite(walkedPairDisagreement(walkUnits(xs), walkUnits(ys), length))).toBe(true);
          expect(walkedGaps(walkUnits(xs), length).every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
