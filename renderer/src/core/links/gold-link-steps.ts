import type { AdjudicationState, AdjudicationStep, LinkRejection } from '../commands/adjudicate';
import type { Rejection } from '../model/gold';
import type { LinkAdjudicationState, LinkStep } from './adjudicate';
import type { LinkDecision } from './decisions';
import { endpointKey, type LinkEndpoint } from './link';

/**
 * Link adjudication (core/links/adjudicate.ts) inside a document's adjudication: its gold links and
 * rejections are the document's state's, and a link step becomes an adjudication step, so the one
 * adjudication store persists it, undoes it and says it like a span decision.
 */
export const linkStateOf = (state: AdjudicationState): LinkAdjudicationState => ({
  gold: state.links ?? [],
  rejections: state.rejections,
});

/** The link step as an adjudication step; its rejections go under both ends' documents. */
export function asAdjudicationStep(step: LinkStep, decision: LinkDecision | null): AdjudicationStep {
  const docIds = decision ? [...new Set(decision.ends.map((e) => e.docId))] : [];
  const wrap = (rejection: Rejection): LinkRejection => ({ rejection, docIds });
  return {
    description: step.description,
    commands: [],
    rejected: [],
    unrejected: [],
    links: step.commands,
    ...(step.rejected.length > 0 ? { linkRejected: step.rejected.map(wrap) } : {}),
    ...(step.unrejected.length > 0 ? { linkUnrejected: step.unrejected.map(wrap) } : {}),
  };
}

/**
 * Whether gold holds a span at a link end: this document's from the live state, another
 * document's from the extents read with the adjudication (`otherGold`, endpoint keys).
 */
export function goldHasSpanIn(
  docId: string,
  state: AdjudicationState,
  otherGold: ReadonlySet<string>,
): (end: LinkEndpoint) => boolean {
  return (end) =>
    end.docId === docId
      ? state.gold.some((g) => g.start === end.start && g.end === end.end)
      : otherGold.has(endpointKey(end));
}
