import type { GoldLink } from '../links/adjudicate';
import { applyLinkCommand, invertLinkCommand, type LinkCommand } from '../links/commands';
import { err, ok, type Result } from '../result';
import type { Candidate, Decision } from '../model/decisions';
import {
  carriedRemarks,
  type AdjudicationReason,
  type GoldAction,
  type GoldProvenance,
  type GoldSpan,
  type Rejection,
} from '../model/gold';
import type { DocStatus } from '../model/status';
import { applyCommand, invertCommand, type AnnotationCommand } from './annotate';

/**
 * Adjudication as data: every decision is one step — gold span commands (the annotate commands,
 * so the gold set is stored like any annotator's) plus rejections made or withdrawn. A step is
 * applied and inverted as a whole, so "accept everything agreed" undoes in one go.
 */
export interface AdjudicationStep {
  readonly description: string;
  readonly commands: readonly AnnotationCommand[];
  readonly rejected: readonly Rejection[];
  readonly unrejected: readonly Rejection[];
  /** The gold document's status change this step makes (undone with it). */
  readonly status?: { readonly before: DocStatus; readonly after: DocStatus };
  /** Gold link commands (issue 16), persisted after the step's spans, in its transaction. */
  readonly links?: readonly LinkCommand[];
  /** Link decisions rejected or withdrawn: stored under each document the link touches. */
  readonly linkRejected?: readonly LinkRejection[];
  readonly linkUnrejected?: readonly LinkRejection[];
}

/**
 * A link decision's rejection with the documents it is stored under: both ends' articles, so the
 * decision reads as rejected whichever of the two is being adjudicated.
 */
export interface LinkRejection {
  readonly rejection: Rejection;
  readonly docIds: readonly string[];
}

export interface AdjudicationState {
  readonly gold: readonly GoldSpan[];
  readonly rejections: readonly Rejection[];
  /** The gold document's status (absent: not read, treated as 'todo'). */
  readonly status?: DocStatus;
  /** Gold links with an end in this document (absent: not read); a deleted gold span carries its own. */
  readonly links?: readonly GoldLink[];
}

/** Who decides and when; `newId` makes gold span ids (injected so tests are deterministic). */
export interface DecideContext {
  readonly adjudicator: string;
  readonly now: string;
  readonly newId: () => string;
  readonly reason?: AdjudicationReason;
}

export type DecisionStatus = 'open' | 'accepted' | 'rejected';

/**
 * The context of ONE decision with the reason given for it (or none): a reason is chosen for a
 * decision and recorded with that decision only, never carried to the next one.
 */
export function withReason(ctx: DecideContext, reason: AdjudicationReason | null): DecideContext {
  return {
    adjudicator: ctx.adjudicator,
    now: ctx.now,
    newId: ctx.newId,
    ...(reason ? { reason } : {}),
  };
}

export function invertStep(step: AdjudicationStep): AdjudicationStep {
  return {
    description: step.description,
    commands: [...step.commands].reverse().map(invertCommand),
    rejected: step.unrejected,
    unrejected: step.rejected,
    ...(step.status ? { status: { before: step.status.after, after: step.status.before } } : {}),
    ...(step.links ? { links: [...step.links].reverse().map(invertLinkCommand) } : {}),
    ...(step.linkUnrejected ? { linkRejected: step.linkUnrejected } : {}),
    ...(step.linkRejected ? { linkUnrejected: step.linkRejected } : {}),
  };
}

/** Applies a step to the in-memory state (immutable). O(gold · commands). */
export function applyStep(state: AdjudicationState, step: AdjudicationStep): AdjudicationState {
  let gold = state.gold as readonly GoldSpan[];
  for (const c of step.commands) gold = applyCommand(gold, c) as GoldSpan[];
  const rejected = [...step.rejected, ...(step.linkRejected ?? []).map((r) => r.rejection)];
  const unrejected = [...step.unrejected, ...(step.linkUnrejected ?? []).map((r) => r.rejection)];
  const removed = new Set(unrejected.map((r) => r.decision));
  const added = new Set(rejected.map((r) => r.decision));
  const rejections = [
    ...state.rejections.filter((r) => !removed.has(r.decision) && !added.has(r.decision)),
    ...rejected,
  ];
  const status = step.status ? step.status.after : state.status;
  let links = state.links && carriedLinksAfter(state.links, step.commands);
  for (const c of step.links ?? []) links = applyLinkCommand(links ?? [], c) as GoldLink[];
  return { gold, rejections, ...(status ? { status } : {}), ...(links ? { links } : {}) };
}

/** The gold links once the links the commands carry went (delete) or came back (create). */
function carriedLinksAfter(
  links: readonly GoldLink[],
  commands: readonly AnnotationCommand[],
): readonly GoldLink[] {
  let out = links;
  for (const c of commands) {
    if (c.kind === 'update' || !c.links) continue;
    const ids = new Set(c.links.map((l) => l.id));
    out = out.filter((l) => !ids.has(l.id));
    if (c.kind === 'create') out = [...out, ...(c.links as readonly GoldLink[])];
  }
  return out;
}

export function decisionStatus(state: AdjudicationState, decision: Decision): DecisionStatus {
  if (state.gold.some((g) => g.provenance.decision === decision.id)) return 'accepted';
  return state.rejections.some((r) => r.decision === decision.id) ? 'rejected' : 'open';
}

const goldOf = (state: AdjudicationState, decision: Decision): GoldSpan[] =>
  state.gold.filter((g) => g.provenance.decision === decision.id);

function provenance(
  proposers: readonly string[],
  decision: string,
  action: GoldAction,
  ctx: DecideContext,
): GoldProvenance {
  return {
    proposedBy: [...proposers],
    decidedBy: ctx.adjudicator,
    decidedAt: ctx.now,
    action,
    decision,
    ...(ctx.reason ? { reason: ctx.reason } : {}),
  };
}

/**
 * A gold span from a candidate: it keeps the notes and "unsure" flags of the annotators' spans
 * behind it, with who wrote them (in the note and in the provenance).
 */
export function goldSpan(
  c: CandidateLike,
  decision: string,
  action: GoldAction,
  ctx: DecideContext,
): GoldSpan {
  const r = carriedRemarks(c.sources ?? []);
  const p: GoldProvenance = {
    ...provenance(c.proposers, decision, action, ctx),
    ...(r.notes.length > 0 ? { notes: r.notes } : {}),
    ...(r.unsureBy.length > 0 ? { unsureBy: r.unsureBy } : {}),
  };
  const span = { id: ctx.newId(), start: c.start, end: c.end, label: c.label, note: r.note, provenance: p };
  return r.unsure ? { ...span, unsure: true } : span;
}

/** What a gold span is made from: a candidate, or a candidate with edited offsets. */
type CandidateLike = Pick<Candidate, 'start' | 'end' | 'label' | 'proposers'> &
  Partial<Pick<Candidate, 'sources'>>;

/**
 * Makes `chosen` the gold of `decision`: the decision's earlier gold spans are removed, a rejection
 * is withdrawn, and a chosen span that gold already holds (same offsets and label, from another
 * decision) is not added twice. Refused when nothing would change.
 */
export function resolveDecision(
  state: AdjudicationState,
  decision: Decision,
  chosen: readonly CandidateLike[],
  action: GoldAction,
  ctx: DecideContext,
  description: string,
): Result<AdjudicationStep> {
  const previous = goldOf(state, decision);
  const others = state.gold.filter((g) => g.provenance.decision !== decision.id);
  const fresh = chosen.filter(
    (c) => !others.some((g) => g.start === c.start && g.end === c.end && g.label === c.label),
  );
  const rejection = state.rejections.find((r) => r.decision === decision.id);
  const unchanged =
    !rejection &&
    previous.length === fresh.length &&
    fresh.every((c) =>
      previous.some((g) => g.start === c.start && g.end === c.end && g.provenance.action === action),
    );
  if (unchanged) return err('Gold already holds exactly that.');
  return ok({
    description,
    commands: [
      ...previous.map((span): AnnotationCommand => ({ kind: 'delete', span })),
      ...fresh.map((c): AnnotationCommand => ({
        kind: 'create',
        span: goldSpan(c, decision.id, action, ctx),
      })),
    ],
    rejected: [],
    unrejected: rejection ? [rejection] : [],
  });
}

/** Accepts one annotator's span(s) of the decision. */
export function acceptAnnotator(
  state: AdjudicationState,
  decision: Decision,
  annotator: string,
  ctx: DecideContext,
): Result<AdjudicationStep> {
  const chosen = decision.candidates.filter((c) => c.proposers.includes(annotator));
  if (chosen.length === 0) return err(`${annotator} has no ${decision.label} span here.`);
  return resolveDecision(
    state,
    decision,
    chosen,
    'accepted',
    ctx,
    `accepted ${annotator}'s ${decision.label}`,
  );
}

/** Rejects the decision: no span of it goes into gold. */
export function rejectDecision(
  state: AdjudicationState,
  decision: Decision,
  ctx: DecideContext,
): Result<AdjudicationStep> {
  const previous = goldOf(state, decision);
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
    description: `rejected ${decision.label}`,
    commands: previous.map((span): AnnotationCommand => ({ kind: 'delete', span })),
    rejected: [rejection],
    unrejected: old ? [old] : [],
  });
}

/**
 * Sets new boundaries on the decision's gold span (or, when it has none yet, makes one from its
 * first candidate). Offsets in code points, checked against the document length.
 */
export function editBoundaries(
  state: AdjudicationState,
  decision: Decision,
  start: number,
  end: number,
  length: number,
  ctx: DecideContext,
): Result<AdjudicationStep> {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || end > length) {
    return err(`Boundaries must be whole numbers with 0 ≤ start < end ≤ ${length}.`);
  }
  const current = goldOf(state, decision)[0];
  const clash = state.gold.some(
    (g) => g !== current && g.start === start && g.end === end && g.label === decision.label,
  );
  if (clash) return err(`Gold already has this ${decision.label} span.`);
  const description = `edited ${decision.label} boundaries`;
  if (!current) {
    const base = decision.candidates[0];
    if (!base) return err('Nothing to edit.');
    return resolveDecision(state, decision, [{ ...base, start, end }], 'edited', ctx, description);
  }
  if (current.start === start && current.end === end) return err('The boundaries are unchanged.');
  const { notes, unsureBy } = current.provenance;
  const after: GoldSpan = {
    ...current,
    start,
    end,
    provenance: {
      ...provenance(current.provenance.proposedBy, decision.id, 'edited', ctx),
      ...(notes ? { notes } : {}),
      ...(unsureBy ? { unsureBy } : {}),
    },
  };
  return ok({
    description,
    commands: [{ kind: 'update', before: current, after }],
    rejected: [],
    unrejected: [],
  });
}
