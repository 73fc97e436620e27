import { describe, expect, it } from 'vitest';

import type { DecideContext } from '../../../../renderer/src/core/commands/adjudicate';
import {
  acceptAllAgreedLinks,
  acceptLinkAnnotator,
  applyLinkStep,
  danglingGoldLinks,
  invertLinkStep,
  linkDecisionStatus,
  rejectLinkDecision,
  resolveLinkDecision,
  type LinkAdjudicationState,
} from '../../../../renderer/src/core/links/adjudicate';
import { buildLinkDecisions } from '../../../../renderer/src/core/links/decisions';
import { endpointKey, type LinkEndpoint } from '../../../../renderer/src/core/links/link';
import { DOC_A, DOC_B, link } from './link-fixtures';

const A1: [string, number, number] = [DOC_A, 0, 10];
const A2: [string, number, number] = [DOC_A, 20, 30];
const B1: [string, number, number] = [DOC_B, 5, 15];

function ctx(): DecideContext {
  let id = 0;
  return { adjudicator: 'lead', now: '2025-01-02T03:04:05.000Z', newId: () => `g${id++}` };
}
const goldSpans = (...ends: [string, number, number][]) => {
  const keys = new Set(ends.map(([docId, start, end]) => endpointKey({ docId, start, end })));
  return (e: LinkEndpoint): boolean => keys.has(endpointKey(e));
};
const empty: LinkAdjudicationState = { gold: [], rejections: [] };

describe('link decisions', () => {
  it('puts agreed links aside and makes one decision per pair of spans, relations together', () => {
    const links = [
      link('alice', 'same_claim', A1, B1),
      link('bob', 'same_claim', B1, A1), // agreed: symmetric, other direction
      link('alice', 'contradicts', A2, B1),
      link('bob', 'supports', A2, B1), // same spans, other relation: one decision
      link('bob', 'supports', A1, A2), // alice made none: missing
      link('carol', 'contradicts', A1, A2), // not among the chosen annotators
    ];
    const { decisions, agreed } = buildLinkDecisions(links, ['alice', 'bob']);
    expect(agreed.map((c) => [c.relation, c.proposers])).toEqual([['same_claim', ['alice', 'bob']]]);
    expect(
      decisions.map((d) => [d.kind, d.candidates.map((c) => `${c.relation}:${c.proposers.join('+')}`)]),
    ).toEqual([
      ['missing', ['supports:bob']],
      ['relation', ['supports:bob', 'contradicts:alice']],
    ]);
    expect(decisions[1]?.id).toBe(`link:${DOC_A}@20-30|${DOC_B}@5-15`);
    expect(decisions[1]?.byAnnotator.map((a) => a.links.length)).toEqual([1, 1]);
  });
});

describe('adjudicating links into gold', () => {
  const links = [
    link('alice', 'contradicts', A2, B1),
    link('bob', 'supports', A2, B1),
    link('bob', 'same_claim', A1, B1),
  ];
  const { decisions } = buildLinkDecisions(links, ['alice', 'bob']);
  const relation = decisions.find((d) => d.kind === 'relation');
  if (!relation) throw new Error('fixture');

  it('accepts an annotator’s link with provenance, only once its ends are gold spans', () => {
    const refused = acceptLinkAnnotator(empty, relation, 'alice', goldSpans(A2), ctx());
    expect(refused).toEqual({ ok: false, error: `Gold has no span at 5–15 yet: decide that span first.` });
    const step = acceptLinkAnnotator(empty, relation, 'alice', goldSpans(A2, B1), ctx());
    expect(step.ok).toBe(true);
    if (!step.ok) return;
    const state = applyLinkStep(empty, step.value);
    expect(state.gold).toHaveLength(1);
    expect(state.gold[0]).toMatchObject({
      id: 'g0',
      annotator: 'gold',
      relation: 'contradicts',
      provenance: {
        proposedBy: ['alice'],
        decidedBy: 'lead',
        decidedAt: '2025-01-02T03:04:05.000Z',
        action: 'accepted',
        decision: relation.id,
      },
    });
    expect(linkDecisionStatus(state, relation)).toBe('accepted');
    expect(applyLinkStep(state, invertLinkStep(step.value))).toEqual(empty);
  });

  it('replaces the decision’s gold when another candidate is chosen, and refuses a no-op', () => {
    const ends = goldSpans(A2, B1);
    const first = acceptLinkAnnotator(empty, relation, 'alice', ends, ctx());
    if (!first.ok) throw new Error(first.error);
    const s1 = applyLinkStep(empty, first.value);
    expect(acceptLinkAnnotator(s1, relation, 'alice', ends, ctx())).toEqual({
      ok: false,
      error: 'Gold already holds exactly that.',
    });
    const second = acceptLinkAnnotator(s1, relation, 'bob', ends, ctx());
    if (!second.ok) throw new Error(second.error);
    const s2 = applyLinkStep(s1, second.value);
    expect(s2.gold.map((g) => g.relation)).toEqual(['supports']);
    const both = resolveLinkDecision(s2, relation, relation.candidates, ends, ctx());
    if (!both.ok) throw new Error(both.error);
    expect(
      applyLinkStep(s2, both.value)
        .gold.map((g) => g.relation)
        .sort(),
    ).toEqual(['contradicts', 'supports']);
  });

  it('rejects a decision (removing its gold) and withdraws the rejection when accepted later', () => {
    const ends = goldSpans(A2, B1);
    const accepted = applyLinkStep(
      empty,
      (acceptLinkAnnotator(empty, relation, 'bob', ends, ctx()) as { ok: true; value: never }).value,
    );
    const rej = rejectLinkDecision(accepted, relation, { ...ctx(), reason: 'guideline_gap' });
    if (!rej.ok) throw new Error(rej.error);
    const rejected = applyLinkStep(accepted, rej.value);
    expect(rejected.gold).toEqual([]);
    expect(linkDecisionStatus(rejected, relation)).toBe('rejected');
    expect(rejected.rejections[0]).toMatchObject({ decision: relation.id, reason: 'guideline_gap' });
    const again = acceptLinkAnnotator(rejected, relation, 'alice', ends, ctx());
    if (!again.ok) throw new Error(again.error);
    expect(applyLinkStep(rejected, again.value).rejections).toEqual([]);
  });

  it('accepts every agreed link whose spans are in gold and counts the ones still waiting', () => {
    const agreedLinks = [
      link('alice', 'same_claim', A1, B1),
      link('bob', 'same_claim', B1, A1),
      link('alice', 'supports', A2, A1),
      link('bob', 'supports', A2, A1),
    ];
    const { agreed } = buildLinkDecisions(agreedLinks, ['alice', 'bob']);
    const r = acceptAllAgreedLinks(empty, agreed, goldSpans(A1, B1), ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.value.waiting).toBe(1);
    const state = applyLinkStep(empty, r.value.step);
    expect(state.gold.map((g) => [g.relation, g.provenance.action, g.provenance.proposedBy])).toEqual([
      ['same_claim', 'agreed', ['alice', 'bob']],
    ]);
    expect(acceptAllAgreedLinks(state, agreed, goldSpans(A1, B1), ctx())).toEqual({
      ok: false,
      error: '1 agreed link(s) wait for their spans to be decided into gold.',
    });
    expect(danglingGoldLinks(state.gold, goldSpans(A1))).toHaveLength(1);
  });
});
