import {
  RELATION_TITLES,
  RELATIONS,
  relationForDigit,
  sameEndpoint,
  type LinkEndpoint,
  type Relation,
} from './link';

/**
 * The keyboard flow that makes a link (issue 16): select a span, press L; go to the other span (in
 * this article or another one); press Enter; pick the relation with 1/2/3. Escape cancels at any
 * step. Pure, so the editor and the claims view can both drive it and tests need no DOM; the
 * caller turns `create` into a link command (`createLink`, which checks the spans and duplicates).
 */
export type LinkFlow =
  | { readonly step: 'idle' }
  | { readonly step: 'pick_target'; readonly from: LinkEndpoint }
  | { readonly step: 'pick_relation'; readonly from: LinkEndpoint; readonly to: LinkEndpoint };

export type LinkFlowEvent =
  /** L, with the span that is selected (null: none). */
  | { readonly type: 'start'; readonly span: LinkEndpoint | null }
  /** Enter, with the span at the caret or selected (null: none). */
  | { readonly type: 'confirm'; readonly span: LinkEndpoint | null }
  /** A digit key while the relation is asked for. */
  | { readonly type: 'digit'; readonly digit: string }
  | { readonly type: 'cancel' };

export interface LinkFlowResult {
  readonly flow: LinkFlow;
  /** The link to create, when the flow has just finished. */
  readonly create?: { readonly from: LinkEndpoint; readonly to: LinkEndpoint; readonly relation: Relation };
  /** What to tell the user (status line), when anything. */
  readonly message?: string;
}

export const IDLE: LinkFlow = { step: 'idle' };

/** The relation question: `supports` reads from the first span to the second. */
export const RELATION_PROMPT = `${RELATIONS.map((r, i) => `${i + 1} ${RELATION_TITLES[r].toLowerCase()}`).join(' · ')} (the first span supports the second) · Esc cancel`;

/** The next state of the flow for one key. Keys that do not belong to the current step change nothing. */
export function linkFlowStep(flow: LinkFlow, event: LinkFlowEvent): LinkFlowResult {
  if (event.type === 'cancel')
    return flow.step === 'idle' ? { flow } : { flow: IDLE, message: 'Linking cancelled.' };
  switch (flow.step) {
    case 'idle':
      if (event.type !== 'start') return { flow };
      if (!event.span) return { flow, message: 'Select a span first, then press L to link it.' };
      return {
        flow: { step: 'pick_target', from: event.span },
        message: 'Go to the span to link to (here or in another article) and press Enter. Esc cancels.',
      };
    case 'pick_target':
      if (event.type === 'start' && event.span)
        return {
          flow: { step: 'pick_target', from: event.span },
          message: 'Linking from this span instead.',
        };
      if (event.type !== 'confirm') return { flow };
      if (!event.span) return { flow, message: 'Put the caret in a span, or select one, and press Enter.' };
      if (sameEndpoint(event.span, flow.from))
        return { flow, message: 'A link joins two different spans: go to the other span.' };
      return { flow: { step: 'pick_relation', from: flow.from, to: event.span }, message: RELATION_PROMPT };
    case 'pick_relation': {
      if (event.type !== 'digit') return { flow };
      const relation = relationForDigit(event.digit);
      if (!relation) return { flow, message: RELATION_PROMPT };
      return { flow: IDLE, create: { from: flow.from, to: flow.to, relation } };
    }
  }
}
