import type { DecideContext } from '../commands/adjudicate';
import { GOLD_ANNOTATOR, type GoldAction, type GoldProvenance, type Rejection } from '../model/gold';
import { err, ok, type Result } from '../result';
import { applyLinkCommand, invertLinkCommand, type LinkCommand } from './commands';
import { linkDecisionId, type LinkCandidate, type LinkDecision } from './decisions';
import { linkKey, type Link, type LinkEndpoint } from './link';

/** A gold link: its endpoints are gold spans, its provenance says who proposed and who decided. */
export type GoldLink = Link & { readonly provenance: GoldProvenance };

export interface LinkAdjudicationState {
  readonly gold: readonly GoldLink[];
  readonly rejections: readonly Rejection[];
}

/** One adjudication step on links, applied and undone as a whole (as `AdjudicationStep` for spans). */
export interface LinkStep {
  readonly description: string;
  readonly commands: readonly LinkCommand[];
  readonly rejected: readonly Rejection[];
  readonly unrejected: readonly Rejection[];
}

/** Whether gold holds a span with exactly this extent (any label): a gold link needs both ends. */
export type GoldHasSpan = (end: LinkEndpoint) => boolean;

export function invertLinkStep(step: LinkStep): LinkStep {
  return {
    description: step.description,
    commands: [...step.commands].reverse().map(invertLinkCommand),
    rejected: step.unrejected,
    unrejected: step.rejected,
  };
}

/** Applies a step to the in-memory state (immutable). O(gold · commands). */
export function applyLinkStep(state: LinkAdjudicationState, step: LinkStep): LinkAdjudicationState {
  let gold = state.gold;
  for (const c of step.commands) gold = applyLinkCommand(gold, c);
  const removed = new Set(step.unrejected.map((r) => r.decision));
  const added = new Set(step.rejected.map((r) => r.decision));
  const rejections = [
    ...state.rejections.filter((r) => !removed.has(r.decision) && !added.has(r.decision)),
    ...step.rejected,
  ];
  return { gold, rejections };
}

export function linkDecisionStatus(
  state: LinkAdjudicationState,
  decision: LinkDecision,
): 'open' | 'accepted' | 'rejected' {
  if (state.gold.some((g) => g.provenance.decision === decision.id)) return 'accepted';
  return state.rejections.some((r) => r.decision === decision.id) ? 'rejected' : 'open';
}

function goldLink(c: LinkCandidate, decision: string, action: GoldAction, ctx: DecideContext): GoldLink {
  return {
    id: ctx.newId(),
    annotator: GOLD_ANNOTATOR,
    relation: c.relation,
    from: c.from,
    to: c.to,
    note: '',
    provenance: {
      proposedBy: [...c.proposers],
      decidedBy: ctx.adjudicator,
      decidedAt: ctx.now,
      action,
      decision,
      ...(ctx.reason ? { reason: ctx.reason } : {}),
    },
  };
}

const fmtEnd = (e: LinkEndpoint): string => `${e.start}–${e.end}`;

/** Why gold cannot hold these candidates yet (an endpoint that is not a gold span), or null. */
function missingEnds(chosen: readonly LinkCandidate[], goldHasSpan: GoldHasSpan): string | null {
  for (const c of chosen) {
    for (const e of [c.from, c.to]) {
      if (!goldHasSpan(e)) return `Gold has no span at ${fmtEnd(e)} yet: decide that span first.`;
    }
  }
  return null;
}

/**
 * Makes `chosen` the gold of `decision`: its earlier gold links are removed, a rejection withdrawn,
 * and a candidate gold already holds (from another decision) is not added twice. Refused when an
 * endpoint is not a gold span, or when nothing would change.
 */
export function resolveLinkDecision(
  state: LinkAdjudicationState,
  decision: LinkDecision,
  chosen: readonly LinkCandidate[],
  goldHasSpan: GoldHasSpan,
  ctx: DecideContext,
  description = `accepted ${chosen.map((c) => c.relation).join(', ')}`,
): Result<LinkStep> {
  const missing = missingEnds(chosen, goldHasSpan);
  if (missing) return err(missing);
  const previous = state.gold.filter((g) => g.provenance.decision === decision.id);
  const others = new Set(state.gold.filter((g) => g.provenance.decision !== decision.id).map(linkKey));
  const fresh = chosen.filter((c) => !others.has(c.key));
  const rejection = state.rejections.find((r) => r.decision === decision.id);
  const unchanged =
    !rejection &&
    previous.length === fresh.length &&
    fresh.every((c) => previous.some((g) => linkKey(g) === c.key));
  if (unchanged) return err('Gold already holds exactly that.');
  return ok({
    description,
    commands: [
      ...previous.map((link): LinkCommand => ({ kind: 'delete_link', link })),
      ...fresh.map((c): LinkCommand => ({
        kind: 'create_link',
        link: goldLink(c, decision.id, 'accepted', ctx),
      })),
    ],
    rejected: [],
    unrejected: rejection ? [rejection] : [],
  });
}

/** Accepts one annotator's link(s) of the decision. */
export function acceptLinkAnnotator(
  state: LinkAdjudicationState,
  decision: LinkDecision,
  annotator: string,
  goldHasSpan: GoldHasSpan,
  ctx: DecideContext,
): Result<LinkStep> {
  const chosen = decision.candidates.filter((c) => c.proposers.includes(annotator));
  if (chosen.length === 0) return err(`${annotator} made no link between these spans.`);
  return resolveLinkDecision(state, decision, chosen, goldHasSpan, ctx, `accepted ${annotator}'s link`);
}

/** Rejects the decision: no link between these spans goes into gold. */
export function rejectLinkDecision(
  state: LinkAdjudicationState,
  decision: LinkDecision,
  ctx: DecideContext,
): Result<LinkStep> {
  const previous = state.gold.filter((g) => g.provenance.decision === decision.id);
  const old = state.rejections.find((r) => r.decision === decision.id);
  if (old && previous.length === 0 && old.reason === ctx.reason)
    return err('This decision is already rejected.');
  const rejection: Rejection = {
    decision: decision.id,
    decidedBy: ctx.adjudicator,
    decidedAt: ctx.now,
    ...(ctx.reason ? { reason: ctx.reason } : {}),
  };
  return ok({
    description: 'rejected link',
    commands: previous.map((link): LinkCommand => ({ kind: 'delete_link', link })),
    rejected: [rejection],
    unrejected: old ? [old] : [],
  });
}

/**
 * "Accept every link all annotators agree on": one gold link per agreed link not yet in gold whose
 * two ends are gold spans. Those still waiting for a span are counted, not refused, so the step
 * can be taken again once the spans are decided.
 */
export function acceptAllAgreedLinks(
  state: LinkAdjudicationState,
  agreed: readonly LinkCandidate[],
  goldHasSpan: GoldHasSpan,
  ctx: DecideContext,
): Result<{ step: LinkStep; waiting: number }> {
  const inGold = new Set(state.gold.map(linkKey));
  const open = agreed.filter((c) => !inGold.has(c.key));
  const ready = open.filter((c) => goldHasSpan(c.from) && goldHasSpan(c.to));
  const waiting = open.length - ready.length;
  if (ready.length === 0) {
    return err(
      waiting > 0
        ? `${waiting} agreed link(s) wait for their spans to be decided into gold.`
        : 'Gold already holds every link all annotators agree on.',
    );
  }
  const commands = ready.map((c): LinkCommand => ({
    kind: 'create_link',
    link: goldLink(c, `agreed:${linkDecisionId(c)}`, 'agreed', ctx),
  }));
  return ok({
    step: { description: `accepted ${ready.length} agreed link(s)`, commands, rejected: [], unrejected: [] },
    waiting,
  });
}

/**
 * Gold links whose ends are no longer gold spans (a span decision changed after the link was
 * decided): the app removes them in the same step, so gold never holds a dangling link.
 */
export function danglingGoldLinks(gold: readonly GoldLink[], goldHasSpan: GoldHasSpan): GoldLink[] {
  return gold.filter((g) => !goldHasSpan(g.from) || !goldHasSpan(g.to));
}
