import { err, ok, type Result } from '../result';
import type { Candidate, Decision } from '../model/decisions';
import type { GoldSpan } from '../model/gold';
import type { AnnotationCommand } from './annotate';
import {
  goldSpan,
  resolveDecision,
  type AdjudicationState,
  type AdjudicationStep,
  type DecideContext,
} from './adjudicate';
import { agreedMissing } from './gold-status';

/**
 * Majority vote over one disagreement group (the decisions sharing `decision.group`): a label that
 * more than half of the annotators marked there is accepted — with the offsets most of them
 * marked — and a label fewer than half marked is rejected. A tie on a label, or on its offsets,
 * is refused with the counts: a majority that does not exist is not invented.
 */
export function acceptMajority(
  state: AdjudicationState,
  decisions: readonly Decision[],
  decision: Decision,
  annotators: readonly string[],
  ctx: DecideContext,
): Result<AdjudicationStep> {
  const n = annotators.length;
  const group = decisions.filter((d) => d.group === decision.group);
  const steps: AdjudicationStep[] = [];
  let current = state;
  for (const d of group) {
    const voters = d.byAnnotator.filter((a) => a.spans.length > 0).length;
    if (voters * 2 === n) return err(`No majority for ${d.label}: ${voters} of ${n} annotators marked it.`);
    if (voters * 2 < n) continue; // minority labels are rejected below, after the accepted ones
    const best = Math.max(...d.candidates.map((c) => c.proposers.length));
    const top = d.candidates.filter((c) => c.proposers.length === best);
    if (top.length > 1) {
      return err(`No majority on the boundaries of ${d.label}: ${top.length} versions with ${best} each.`);
    }
    if (best * 2 <= n)
      return err(`No majority on the boundaries of ${d.label}: at most ${best} of ${n} agree.`);
    const step = resolveDecision(current, d, top, 'majority', ctx, `accepted ${d.label} by majority`);
    if (step.ok) {
      steps.push(step.value);
      current = applyLocal(current, step.value);
    }
  }
  for (const d of group) {
    const voters = d.byAnnotator.filter((a) => a.spans.length > 0).length;
    if (voters * 2 >= n) continue;
    const rejection = {
      decision: d.id,
      decidedBy: ctx.adjudicator,
      decidedAt: ctx.now,
      ...(ctx.reason ? { reason: ctx.reason } : {}),
    };
    const previous = current.gold.filter((g) => g.provenance.decision === d.id);
    const old = current.rejections.find((r) => r.decision === d.id);
    steps.push({
      description: `rejected ${d.label} (minority)`,
      commands: previous.map((span): AnnotationCommand => ({ kind: 'delete', span })),
      rejected: [rejection],
      unrejected: old ? [old] : [],
    });
  }
  if (steps.length === 0) return err('Gold already holds the majority decision.');
  return ok(combine('decided by majority', steps));
}

/** "Accept everything all annotators agree on": one gold span per agreed span not yet in gold. */
export function acceptAllAgreed(
  state: AdjudicationState,
  agreed: readonly Candidate[],
  ctx: DecideContext,
): Result<AdjudicationStep> {
  const missing = agreedMissing(state, agreed);
  if (missing.length === 0) return err('Gold already holds every span all annotators agree on.');
  const commands = missing.map((c): AnnotationCommand => ({
    kind: 'create',
    // An agreed span records no reason: none was given for it.
    span: goldSpan(c, `agreed:${c.label}@${c.start}-${c.end}`, 'agreed', {
      adjudicator: ctx.adjudicator,
      now: ctx.now,
      newId: ctx.newId,
    }),
  }));
  return ok({
    description: `accepted ${missing.length} agreed span(s)`,
    commands,
    rejected: [],
    unrejected: [],
  });
}

function combine(description: string, steps: readonly AdjudicationStep[]): AdjudicationStep {
  return {
    description,
    commands: steps.flatMap((s) => s.commands),
    rejected: steps.flatMap((s) => s.rejected),
    unrejected: steps.flatMap((s) => s.unrejected),
  };
}

function applyLocal(state: AdjudicationState, step: AdjudicationStep): AdjudicationState {
  // Only gold matters between the accepted labels of one group; rejections are added at the end.
  let gold = [...state.gold];
  for (const c of step.commands) {
    if (c.kind === 'create') gold.push(c.span as GoldSpan);
    else if (c.kind === 'delete') gold = gold.filter((g) => g.id !== c.span.id);
  }
  return { gold, rejections: state.rejections.filter((r) => !step.unrejected.includes(r)) };
}
