import { describe, expect, it } from 'vitest';

import {
  acceptAnnotator,
  applyStep,
  editBoundaries,
  invertStep,
  rejectDecision,
  type AdjudicationState,
  type AdjudicationStep,
  type DecideContext,
} from '../../../../renderer/src/core/commands/adjudicate';
import { acceptAllAgreed, acceptMajority } from '../../../../renderer/src/core/commands/adjudicate-bulk';
import { leftToDecide, reopenGold, withGoldStatus } from '../../../../renderer/src/core/commands/gold-status';
import { buildDecisions, type SourceSpan } from '../../../../renderer/src/core/model/decisions';
import { carriedRemarks, goldProvenanceMeta } from '../../../../renderer/src/core/model/gold';
import type { Label } from '../../../../renderer/src/core/model/labels';
import type { Result } from '../../../../renderer/src/core/result';

let n = 0;
const span = (
  annotator: string,
  start: number,
  end: number,
  label: Label,
  extra: Partial<SourceSpan> = {},
): SourceSpan => ({ id: `${annotator}-${n++}`, annotator, start, end, label, note: '', ...extra });

let ids = 0;
const ctx = (): DecideContext => ({
  adjudicator: 'lead',
  now: '2025-01-02T03:04:05.000Z',
  newId: () => `g${ids++}`,
});
const ok = (r: Result<AdjudicationStep>): AdjudicationStep => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const EMPTY: AdjudicationState = { gold: [], rejections: [] };

describe('gold keeps the annotators’ notes and unsure flags (issue 19 item 5)', () => {
  it('accepting an annotator’s span keeps its note and unsure flag, with who wrote them', () => {
    const { decisions } = buildDecisions(
      [
        span('alice', 0, 10, 'claim', { note: 'check the source', unsure: true }),
        span('ben', 0, 12, 'claim', { note: 'longer' }),
      ],
      ['alice', 'ben'],
    );
    const d = decisions[0]!;
    const state = applyStep(EMPTY, ok(acceptAnnotator(EMPTY, d, 'alice', ctx())));
    const g = state.gold[0]!;
    const meta = goldProvenanceMeta(state.gold);
    expect(g.note).toBe('alice: check the source');
    expect(g.unsure).toBe(true);
    expect(g.provenance.notes).toEqual([{ annotator: 'alice', note: 'check the source' }]);
    expect(g.provenance.unsureBy).toEqual(['alice']);
    expect(meta[g.id]).toMatchObject({
      notes: [{ annotator: 'alice', note: 'check the source' }],
      unsure_by: ['alice'],
    });
  });

  it('a span both annotators marked keeps both notes, one line each, and either’s unsure', () => {
    const { decisions } = buildDecisions(
      [
        span('alice', 0, 10, 'claim', { note: 'from the minister' }),
        span('ben', 0, 10, 'claim', { note: 'paraphrase?', unsure: true }),
        span('ben', 20, 25, 'quote'),
      ],
      ['alice', 'ben'],
    );
    // Both marked 0–10 claim identically: an agreed span, taken by "accept everything agreed".
    const all = buildDecisions(
      [
        span('alice', 0, 10, 'claim', { note: 'from the minister' }),
        span('ben', 0, 10, 'claim', { note: 'paraphrase?', unsure: true }),
      ],
      ['alice', 'ben'],
    );
    const agreedState = applyStep(EMPTY, ok(acceptAllAgreed(EMPTY, all.agreed, ctx())));
    const g = agreedState.gold[0]!;
    expect(g.note).toBe('alice: from the minister\nben: paraphrase?');
    expect(g.unsure).toBe(true);
    expect(g.provenance.notes).toEqual([
      { annotator: 'alice', note: 'from the minister' },
      { annotator: 'ben', note: 'paraphrase?' },
    ]);
    expect(g.provenance.unsureBy).toEqual(['ben']);
    // A decision whose chosen candidate two annotators proposed keeps both too (majority of 2 of 3).
    const three = buildDecisions(
      [
        span('alice', 0, 10, 'claim', { note: 'a' }),
        span('ben', 0, 10, 'claim', { note: 'b' }),
        span('cy', 0, 12, 'claim', { note: 'c' }),
      ],
      ['alice', 'ben', 'cy'],
    );
    const d = three.decisions[0]!;
    const m = applyStep(EMPTY, ok(acceptMajority(EMPTY, three.decisions, d, ['alice', 'ben', 'cy'], ctx())));
    expect(m.gold[0]?.note).toBe('alice: a\nben: b');
    expect(decisions).toHaveLength(1);
  });

  it('edited boundaries keep the remarks; spans without notes give an empty note and no flag', () => {
    const { decisions } = buildDecisions(
      [span('alice', 0, 10, 'claim', { note: 'n', unsure: true }), span('ben', 0, 12, 'claim')],
      ['alice', 'ben'],
    );
    const d = decisions[0]!;
    const s1 = applyStep(EMPTY, ok(acceptAnnotator(EMPTY, d, 'alice', ctx())));
    const s2 = applyStep(s1, ok(editBoundaries(s1, d, 0, 11, 30, ctx())));
    expect(s2.gold[0]).toMatchObject({ start: 0, end: 11, note: 'alice: n', unsure: true });
    expect(s2.gold[0]?.provenance.notes).toEqual([{ annotator: 'alice', note: 'n' }]);
    const s3 = applyStep(EMPTY, ok(acceptAnnotator(EMPTY, d, 'ben', ctx())));
    expect(s3.gold[0]?.note).toBe('');
    expect(s3.gold[0]?.unsure).toBeUndefined();
    expect(s3.gold[0]?.provenance.notes).toBeUndefined();
    expect(carriedRemarks([{ annotator: 'x', note: '  ' }])).toEqual({
      note: '',
      unsure: false,
      notes: [],
      unsureBy: [],
    });
  });
});

describe('gold status follows what is left to decide', () => {
  const spans = [
    span('alice', 0, 10, 'claim'),
    span('ben', 0, 12, 'claim'),
    span('alice', 20, 25, 'quote'),
    span('alice', 30, 35, 'figure'),
    span('ben', 30, 35, 'figure'),
  ];
  const { decisions, agreed } = buildDecisions(spans, ['alice', 'ben']);
  const step = (s: AdjudicationState, r: Result<AdjudicationStep>) =>
    withGoldStatus(s, ok(r), decisions, agreed);

  it('becomes done with the last decision, back in progress on undo, and the lead can reopen', () => {
    expect(decisions).toHaveLength(2);
    expect(leftToDecide(EMPTY, decisions, agreed)).toBe(3);
    const a = step(EMPTY, acceptAnnotator(EMPTY, decisions[0]!, 'alice', ctx()));
    expect(a.status).toEqual({ before: 'todo', after: 'in_progress' });
    const s1 = applyStep(EMPTY, a);
    const b = step(s1, rejectDecision(s1, decisions[1]!, ctx()));
    expect(b.status).toBeUndefined();
    const s2 = applyStep(s1, b);
    expect(s2.status).toBe('in_progress');
    const c = step(s2, acceptAllAgreed(s2, agreed, ctx()));
    expect(c.status).toEqual({ before: 'in_progress', after: 'done' });
    const s3 = applyStep(s2, c);
    expect(s3.status).toBe('done');
    expect(leftToDecide(s3, decisions, agreed)).toBe(0);
    // Undo takes the status back with the step.
    expect(applyStep(s3, invertStep(c)).status).toBe('in_progress');
    // The lead reopens; changing a decision then keeps it open.
    const reopen = reopenGold(s3)!;
    const s4 = applyStep(s3, reopen);
    expect(s4.status).toBe('in_progress');
    expect(reopenGold(s4)).toBeNull();
    const d = step(s4, acceptAnnotator(s4, decisions[0]!, 'ben', ctx()));
    expect(d.status).toBeUndefined();
    // Opening something again on a done gold makes it in progress.
    const s5 = applyStep(s3, invertStep(b));
    expect(leftToDecide(s5, decisions, agreed)).toBe(1);
    const again = withGoldStatus(s3, invertStep(b), decisions, agreed);
    expect(again.status).toEqual({ before: 'done', after: 'in_progress' });
  });
});
