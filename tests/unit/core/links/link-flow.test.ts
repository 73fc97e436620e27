import { describe, expect, it } from 'vitest';

import {
  IDLE,
  linkFlowStep,
  RELATION_PROMPT,
  type LinkFlow,
  type LinkFlowEvent,
} from '../../../../renderer/src/core/links/link-flow';
import { DOC_A, DOC_B, end } from './link-fixtures';

const keeps = end(DOC_A, 0, 56);
const ends = end(DOC_B, 3955, 4052);

/** Runs the events from idle; returns every step's result. */
function run(...events: LinkFlowEvent[]) {
  let flow: LinkFlow = IDLE;
  return events.map((e) => {
    const r = linkFlowStep(flow, e);
    flow = r.flow;
    return r;
  });
}

describe('the L-key linking flow', () => {
  it('select a span, L, the other span, Enter, 3: a contradicts link from the first to the second', () => {
    const steps = run(
      { type: 'start', span: keeps },
      { type: 'confirm', span: ends },
      { type: 'digit', digit: '3' },
    );
    expect(steps.map((s) => s.flow.step)).toEqual(['pick_target', 'pick_relation', 'idle']);
    expect(steps[1]?.message).toBe(RELATION_PROMPT);
    expect(steps[2]?.create).toEqual({ from: keeps, to: ends, relation: 'contradicts' });
    expect(RELATION_PROMPT).toBe(
      '1 same claim · 2 supports · 3 contradicts (the first span supports the second) · Esc cancel',
    );
  });

  it('1 and 2 give same_claim and supports; another digit asks again and creates nothing', () => {
    expect(
      run({ type: 'start', span: keeps }, { type: 'confirm', span: ends }, { type: 'digit', digit: '1' })[2]
        ?.create?.relation,
    ).toBe('same_claim');
    const steps = run(
      { type: 'start', span: keeps },
      { type: 'confirm', span: ends },
      { type: 'digit', digit: '4' },
      { type: 'digit', digit: '2' },
    );
    expect(steps[2]).toEqual({ flow: steps[1]?.flow, message: RELATION_PROMPT });
    expect(steps[3]?.create).toEqual({ from: keeps, to: ends, relation: 'supports' });
  });

  it('refuses to start without a span and to link a span to itself, and says why', () => {
    expect(run({ type: 'start', span: null })[0]).toEqual({
      flow: IDLE,
      message: 'Select a span first, then press L to link it.',
    });
    const self = run({ type: 'start', span: keeps }, { type: 'confirm', span: end(DOC_A, 0, 56) })[1];
    expect(self?.flow).toEqual({ step: 'pick_target', from: keeps });
    expect(self?.message).toBe('A link joins two different spans: go to the other span.');
    const none = run({ type: 'start', span: keeps }, { type: 'confirm', span: null })[1];
    expect(none?.flow.step).toBe('pick_target');
    expect(none?.create).toBeUndefined();
  });

  it('a span one character off is another span; L again restarts from the new span; Esc cancels at any step', () => {
    const near = run({ type: 'start', span: keeps }, { type: 'confirm', span: end(DOC_A, 0, 55) })[1];
    expect(near?.flow).toEqual({ step: 'pick_relation', from: keeps, to: end(DOC_A, 0, 55) });
    expect(run({ type: 'start', span: keeps }, { type: 'start', span: ends })[1]?.flow).toEqual({
      step: 'pick_target',
      from: ends,
    });
    for (const before of [
      [{ type: 'start', span: keeps }],
      [
        { type: 'start', span: keeps },
        { type: 'confirm', span: ends },
      ],
    ] as LinkFlowEvent[][]) {
      const last = run(...before, { type: 'cancel' }).at(-1);
      expect(last).toEqual({ flow: IDLE, message: 'Linking cancelled.' });
    }
    expect(run({ type: 'cancel' })[0]).toEqual({ flow: IDLE });
  });

  it('keys that do not belong to a step change nothing', () => {
    expect(run({ type: 'digit', digit: '1' })[0]).toEqual({ flow: IDLE });
    expect(run({ type: 'confirm', span: ends })[0]).toEqual({ flow: IDLE });
    const r = run({ type: 'start', span: keeps }, { type: 'digit', digit: '1' })[1];
    expect(r).toEqual({ flow: { step: 'pick_target', from: keeps } });
  });
});
