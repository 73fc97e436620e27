import type { Candidate, Decision } from '../model/decisions';
import type { DocStatus } from '../model/status';
import { applyStep, decisionStatus, type AdjudicationState, type AdjudicationStep } from './adjudicate';

/** What is still to decide on a document: open decisions plus agreed spans gold lacks. */
export function leftToDecide(
  state: AdjudicationState,
  decisions: readonly Decision[],
  agreed: readonly Candidate[],
): number {
  const open = decisions.filter((d) => decisionStatus(state, d) === 'open').length;
  return open + agreedMissing(state, agreed).length;
}

/** The agreed spans gold does not hold yet: what "Accept everything agreed" would add. */
export function agreedMissing(state: AdjudicationState, agreed: readonly Candidate[]): Candidate[] {
  return agreed.filter(
    (c) => !state.gold.some((g) => g.start === c.start && g.end === c.end && g.label === c.label),
  );
}

/**
 * The step with the gold document's status change it brings: the step that leaves nothing to
 * decide makes gold 'done'; a step that opens something again on a done gold makes it
 * 'in_progress', as does the first step on a gold not started. A lead who reopened a finished gold
 * keeps it open while changing decisions (nothing went from open to decided). Undone with the step.
 */
export function withGoldStatus(
  state: AdjudicationState,
  step: AdjudicationStep,
  decisions: readonly Decision[],
  agreed: readonly Candidate[],
): AdjudicationStep {
  const status = state.status ?? 'todo';
  const before = leftToDecide(state, decisions, agreed);
  const after = leftToDecide(applyStep(state, step), decisions, agreed);
  let next: DocStatus | null = null;
  if (after === 0 && before > 0) next = 'done';
  else if (after > 0 && status === 'done') next = 'in_progress';
  else if (status === 'todo') next = after === 0 ? 'done' : 'in_progress';
  return next && next !== status ? { ...step, status: { before: status, after: next } } : step;
}

/** The lead reopens a finished gold document (one undoable step, no span changes). */
export function reopenGold(state: AdjudicationState): AdjudicationStep | null {
  if (state.status !== 'done') return null;
  return {
    description: 'reopened gold',
    commands: [],
    rejected: [],
    unrejected: [],
    status: { before: 'done', after: 'in_progress' },
  };
}
