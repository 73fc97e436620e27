import { describe, expect, it } from 'vitest';

import {
  acceptAnnotator,
  applyStep,
  decisionStatus,
  editBoundaries,
  invertStep,
  rejectDecision,
  type AdjudicationState,
  type AdjudicationStep,
  type DecideContext,
} from '../../../../renderer/src/core/commands/adjudicate';
import { acceptAllAgreed, acceptMajority } from '../../../../renderer/src/core/commands/adjudicate-bulk';
import { emptyHistory, record, redo, undo } from '../../../../renderer/src/core/commands/history';
import { buildDecisions, type SourceSpan } from '../../../../renderer/src/core/model/decisions';
import { filterDecisions } from '../../../../renderer/src/core/model/disagreement-filter';
import { goldProvenanceMeta } from '../../../../renderer/src/core/model/gold';
import type { Label } from '../../../../renderer/src/core/model/labels';
import type { Result } from '../../../../renderer/src/core/result';

let n = 0;
const span = (
  annotator: string,
  start: number,
  end: number,
  label: Label,
  extra: Partial<SourceSpan> = {},
): SourceSpan => ({
  id: `${annotator}-${n++}`,
  annotator,
  start,
  end,
  label,
  note: '',
  ...extra,
});

function ctx(reason?: DecideContext['reason']): DecideContext {
  let id = 0;
  return {
    adjudicator: 'lead',
    now: '2025-01-02T03:04:05.000Z',
    newId: () => `g${id++}`,
    ...(reason ? { reason } : {}),
  };
}

const EMPTY: AdjudicationState = { gold: [], rejections: [] };
const ok = (r: Result<AdjudicationStep>): AdjudicationStep => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('buildDecisions', () => {
  it('same offsets with different labels are separate decisions of one different_label group', () => {
    const { decisions, agreed } = buildDecisions(
      [span('a', 0, 5, 'claim'), span('b', 0, 5, 'quote')],
      ['a', 'b'],
    );
    expect(decisions.map((d) => [d.label, d.kind])).toEqual([
      ['claim', 'different_label'],
      ['quote', 'different_label'],
    ]);
    expect(decisions[0]?.group).toBe(decisions[1]?.group);
    expect(agreed).toEqual([]);
  });

  it('nested spans of another label stay their own decision; agreed spans are not decisions', () => {
    const { decisions, agreed } = buildDecisions(
      [
        span('a', 0, 20, 'claim'),
        span('b', 0, 20, 'claim'),
        span('a', 5, 10, 'quote'),
        span('a', 5, 10, 'quote'),
      ],
      ['a', 'b'],
    );
    expect(agreed).toMatchObject([{ start: 0, end: 20, label: 'claim', proposers: ['a', 'b'] }]);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ label: 'quote', kind: 'missing', id: 'quote@5-10' });
  });

  it('different boundaries: one decision, a candidate per distinct offsets with every proposer', () => {
    const { decisions } = buildDecisions(
      [span('a', 0, 10, 'claim'), span('b', 0, 12, 'claim'), span('c', 0, 12, 'claim')],
      ['a', 'b', 'c'],
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.kind).toBe('different_boundaries');
    expect(decisions[0]?.candidates.map((c) => [c.start, c.end, c.proposers])).toEqual([
      [0, 10, ['a']],
      [0, 12, ['b', 'c']],
    ]);
  });
});

describe('decisions', () => {
  const spans = [span('a', 0, 5, 'claim', { note: 'sure?', unsure: true }), span('b', 0, 6, 'claim')];
  const { decisions } = buildDecisions(spans, ['a', 'b']);
  const d = decisions[0]!;

  it('accept one annotator: gold span with provenance; accepting another replaces it', () => {
    const s1 = applyStep(EMPTY, ok(acceptAnnotator(EMPTY, d, 'a', ctx('annotator_error'))));
    expect(s1.gold).toEqual([
      {
        id: 'g0',
        start: 0,
        end: 5,
        label: 'claim',
        // The accepted span's note and unsure flag stay, with who wrote them (issue 19 item 5).
        note: 'a: sure?',
        unsure: true,
        provenance: {
          proposedBy: ['a'],
          decidedBy: 'lead',
          decidedAt: '2025-01-02T03:04:05.000Z',
          action: 'accepted',
          decision: d.id,
          reason: 'annotator_error',
          notes: [{ annotator: 'a', note: 'sure?' }],
          unsureBy: ['a'],
        },
      },
    ]);
    expect(decisionStatus(s1, d)).toBe('accepted');
    const s2 = applyStep(s1, ok(acceptAnnotator(s1, d, 'b', ctx())));
    expect(s2.gold.map((g) => [g.start, g.end])).toEqual([[0, 6]]);
    expect(acceptAnnotator(s2, d, 'b', ctx()).ok).toBe(false);
  });

  it('reject removes the decision’s gold and records who and why; accepting withdraws it', () => {
    const s1 = applyStep(EMPTY, ok(acceptAnnotator(EMPTY, d, 'a', ctx())));
    const s2 = applyStep(s1, ok(rejectDecision(s1, d, ctx('guideline_gap'))));
    expect(s2.gold).toEqual([]);
    expect(s2.rejections).toEqual([
      { decision: d.id, decidedBy: 'lead', decidedAt: '2025-01-02T03:04:05.000Z', reason: 'guideline_gap' },
    ]);
    expect(decisionStatus(s2, d)).toBe('rejected');
    const s3 = applyStep(s2, ok(acceptAnnotator(s2, d, 'b', ctx())));
    expect(s3.rejections).toEqual([]);
    expect(decisionStatus(s3, d)).toBe('accepted');
  });

  it('edit boundaries: updates the gold span in place (same id), checks the range', () => {
    expect(editBoundaries(EMPTY, d, 3, 2, 50, ctx()).ok).toBe(false);
    expect(editBoundaries(EMPTY, d, 0, 51, 50, ctx()).ok).toBe(false);
    const s1 = applyStep(EMPTY, ok(editBoundaries(EMPTY, d, 1, 5, 50, ctx())));
    expect(s1.gold[0]).toMatchObject({
      start: 1,
      end: 5,
      provenance: { action: 'edited', proposedBy: ['a'] },
    });
    const step = ok(editBoundaries(s1, d, 1, 7, 50, ctx()));
    expect(step.commands).toHaveLength(1);
    expect(step.commands[0]?.kind).toBe('update');
    const s2 = applyStep(s1, step);
    expect(s2.gold.map((g) => [g.id, g.start, g.end])).toEqual([[s1.gold[0]?.id, 1, 7]]);
  });

  it('every step inverts exactly (undo), and the step history undoes and redoes whole steps', () => {
    const s1 = applyStep(EMPTY, ok(acceptAnnotator(EMPTY, d, 'a', ctx())));
    const step = ok(rejectDecision(s1, d, ctx('ambiguous_text')));
    const s2 = applyStep(s1, step);
    expect(applyStep(s2, invertStep(step))).toEqual(s1);
    let h = record<AdjudicationStep>(emptyHistory, step);
    const u = undo(h, invertStep)!;
    expect(applyStep(s2, u.command)).toEqual(s1);
    h = u.history;
    expect(redo(h)?.command).toBe(step);
  });
});

describe('majority and agreed', () => {
  it('three annotators: the majority label is accepted with its offsets, the minority rejected', () => {
    const spans = [span('a', 0, 5, 'claim'), span('b', 0, 5, 'claim'), span('c', 0, 5, 'quote')];
    const { decisions } = buildDecisions(spans, ['a', 'b', 'c']);
    const claim = decisions.find((x) => x.label === 'claim')!;
    const s = applyStep(EMPTY, ok(acceptMajority(EMPTY, decisions, claim, ['a', 'b', 'c'], ctx())));
    expect(s.gold).toMatchObject([
      { start: 0, end: 5, label: 'claim', provenance: { action: 'majority', proposedBy: ['a', 'b'] } },
    ]);
    expect(s.rejections.map((r) => r.decision)).toEqual(['quote@0-5']);
  });

  it('a tie is refused with the counts, never decided arbitrarily', () => {
    const { decisions } = buildDecisions([span('a', 0, 5, 'claim'), span('b', 0, 5, 'quote')], ['a', 'b']);
    const r = acceptMajority(EMPTY, decisions, decisions[0]!, ['a', 'b'], ctx());
    expect(r).toEqual({ ok: false, error: 'No majority for claim: 1 of 2 annotators marked it.' });
  });

  it('accept everything agreed adds each agreed span once', () => {
    const { agreed } = buildDecisions(
      [
        span('a', 0, 5, 'claim'),
        span('b', 0, 5, 'claim'),
        span('a', 7, 9, 'quote'),
        span('b', 7, 9, 'figure'),
      ],
      ['a', 'b'],
    );
    const s = applyStep(EMPTY, ok(acceptAllAgreed(EMPTY, agreed, ctx())));
    expect(s.gold).toMatchObject([
      { start: 0, end: 5, label: 'claim', provenance: { action: 'agreed', proposedBy: ['a', 'b'] } },
    ]);
    expect(acceptAllAgreed(s, agreed, ctx()).ok).toBe(false);
  });
});

describe('filterDecisions and provenance meta', () => {
  const spans = [span('a', 0, 5, 'claim'), span('b', 0, 5, 'quote'), span('a', 10, 12, 'figure')];
  const { decisions } = buildDecisions(spans, ['a', 'b']);
  it('by label, and by confusion cell (O = no label)', () => {
    const base = { docIds: ['d'], annotators: ['a', 'b'], title: 't' };
    expect(filterDecisions(decisions, { ...base, label: 'figure' }).map((d) => d.id)).toEqual([
      'figure@10-12',
    ]);
    const cell = (rowLabel: string, colLabel: string) =>
      filterDecisions(decisions, { ...base, confusion: { a: 'a', b: 'b', rowLabel, colLabel } }).map(
        (d) => d.id,
      );
    expect(cell('claim', 'quote')).toEqual(['claim@0-5', 'quote@0-5']);
    expect(cell('figure', 'O')).toEqual(['figure@10-12']);
    expect(cell('O', 'quote')).toEqual([]);
  });

  it('gold provenance for export meta: span id → snake_case record; a "__proto__" id stays data', () => {
    const s = applyStep(
      EMPTY,
      ok(acceptAnnotator(EMPTY, decisions[0]!, 'a', { ...ctx(), newId: () => '__proto__' })),
    );
    const meta = goldProvenanceMeta(s.gold);
    expect(Object.keys(meta)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(meta))).toEqual({
      ['__proto__']: {
        proposed_by: ['a'],
        decided_by: 'lead',
        decided_at: '2025-01-02T03:04:05.000Z',
        action: 'accepted',
        decision: 'claim@0-5',
      },
    });
  });
});
