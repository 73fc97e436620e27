import {
  acceptAllAgreedLinks,
  acceptLinkAnnotator,
  linkDecisionStatus,
  rejectLinkDecision,
  type GoldHasSpan,
  type LinkAdjudicationState,
  type LinkStep,
} from '../../core/links/adjudicate';
import type { LinkDecision, LinkDecisions } from '../../core/links/decisions';
import { endpointKey, linkKey, RELATION_TITLES, type Link, type LinkEndpoint } from '../../core/links/link';
import { linkStateOf } from '../../core/links/gold-link-steps';
import type { AdjudicationState, DecideContext } from '../../core/commands/adjudicate';
import type { Result } from '../../core/result';
import { quoted } from '../../core/text/quoted';
import { useLinkEnds } from '../../session/links/useLinkEnds';

type DecideLink = (
  make: (state: LinkAdjudicationState, goldHasSpan: GoldHasSpan, ctx: DecideContext) => Result<LinkStep>,
  decision: LinkDecision | null,
) => void;

/**
 * The annotators' links touching this article (issue 16): the ones they all made alike, and each
 * pair of spans they linked differently, decided into gold like a span (accept one annotator's
 * link, or reject), with provenance, through the same undoable steps.
 */
export function LinkDecisionsPanel({
  docId,
  links,
  state,
  annotators,
  onDecide,
}: {
  docId: string;
  links: LinkDecisions;
  state: AdjudicationState;
  annotators: readonly string[];
  onDecide: DecideLink;
}) {
  const ends = useLinkEnds([
    ...links.decisions.flatMap((d) => d.ends),
    ...links.agreed.flatMap((c) => [c.from, c.to]),
  ]);
  const linkState = linkStateOf(state);
  const end = (e: LinkEndpoint): string => {
    const info = ends.get(endpointKey(e));
    const text = quoted(info?.text ?? `${e.start}–${e.end}`);
    return e.docId === docId ? text : `${text} in ${info?.title || 'another article'}`;
  };
  const goldKeys = new Set(linkState.gold.map(linkKey));
  const agreedOpen = links.agreed.filter((c) => !goldKeys.has(c.key)).length;
  if (links.decisions.length === 0 && links.agreed.length === 0) return null;
  return (
    <section className="link-decisions" aria-label="Link decisions">
      <h3>Links touching this article</h3>
      {links.agreed.length > 0 && (
        <p>
          {links.agreed.length} link{links.agreed.length === 1 ? '' : 's'} all annotators made alike.{' '}
          <button
            type="button"
            disabled={agreedOpen === 0}
            onClick={() =>
              onDecide((st, has, ctx) => {
                const r = acceptAllAgreedLinks(st, links.agreed, has, ctx);
                return r.ok ? { ok: true, value: r.value.step } : r;
              }, null)
            }
          >
            Accept agreed links ({agreedOpen})
          </button>
        </p>
      )}
      <ul aria-label="Links the annotators made differently">
        {links.decisions.map((d) => {
          const status = linkDecisionStatus(linkState, d);
          const gold = linkState.gold.filter((g) => g.provenance.decision === d.id);
          return (
            <li
              key={d.id}
              className="link-decision"
              data-status={status}
              aria-label={`${end(d.ends[0])} and ${end(d.ends[1])}`}
            >
              <p>
                {end(d.ends[0])} ↔ {end(d.ends[1])} ·{' '}
                <span className={`status status-${status}`}>{status}</span>
              </p>
              <ul className="proposals">
                {annotators.map((a) => {
                  const mine = d.byAnnotator.find((x) => x.annotator === a)?.links ?? [];
                  return (
                    <li key={a}>
                      <strong>{a}</strong>:{' '}
                      {mine.length === 0 ? <em>no link</em> : mine.map((l) => describe(l, end)).join('; ')}{' '}
                      {mine.length > 0 && (
                        <button
                          type="button"
                          onClick={() =>
                            onDecide((st, has, ctx) => acceptLinkAnnotator(st, d, a, has, ctx), d)
                          }
                        >
                          Accept {a}’s link
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
              <button
                type="button"
                onClick={() => onDecide((st, _has, ctx) => rejectLinkDecision(st, d, ctx), d)}
              >
                Reject link
              </button>
              {gold.map((g) => (
                <p key={g.id} className="gold-now">
                  Gold: {describe(g, end)} — {g.provenance.action} by {g.provenance.decidedBy}, proposed by{' '}
                  {g.provenance.proposedBy.join(', ') || 'nobody'}
                </p>
              ))}
              {status === 'rejected' && <p className="gold-now">Gold: no link here.</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function describe(l: Pick<Link, 'relation' | 'from' | 'to'>, end: (e: LinkEndpoint) => string): string {
  const title = RELATION_TITLES[l.relation].toLowerCase();
  // Supports is directed: say which end supports which.
  return l.relation === 'supports' ? `${end(l.from)} supports ${end(l.to)}` : title;
}
