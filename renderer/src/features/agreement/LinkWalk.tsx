import { useMemo, useState } from 'react';

import type { AgreementResult } from '../../core/agreement-report/result';
import { linkDisagreements, type LinkDisagreement } from '../../core/links/agreement';
import { endpointKey, RELATION_TITLES, type LinkEndpoint } from '../../core/links/link';
import { quoted } from '../../core/text/quoted';
import { useLinkEnds, type EndInfo } from '../../session/links/useLinkEnds';
import type { LinkWalkChoice } from './LinkFigures';

/**
 * Walks through the links behind a clicked link figure, one at a time (Previous / Next), each with
 * its two ends' articles and text and a button that opens each end (the pair's spans on that
 * article, in the disagreement view). Follows the figures: when they are recomputed (work arriving
 * from a team, an edit elsewhere) the list is taken again from the new result.
 */
export function LinkWalk({
  result,
  choice,
  onOpenEnd,
  onClose,
}: {
  result: AgreementResult;
  choice: LinkWalkChoice;
  onOpenEnd: (end: LinkEndpoint, title: string) => void;
  onClose: () => void;
}) {
  const items = useMemo(
    () =>
      linkDisagreements(result.studiedLinks, choice.a, choice.b, {
        kind: choice.kind,
        ...(choice.relation === 'overall' ? {} : { relation: choice.relation }),
      }),
    [result, choice],
  );
  const [at, setAt] = useState(0);
  const i = Math.min(at, Math.max(0, items.length - 1));
  const item = items[i];
  const ends = useLinkEnds(item ? [item.link.from, item.link.to] : []);
  return (
    <section className="link-walk" aria-label="Links behind the figure">
      <h3>{choice.title}</h3>
      {item ? (
        <>
          <p aria-live="polite" data-testid="link-walk-position">
            Link {i + 1} of {items.length}
          </p>
          <WalkItem item={item} choice={choice} ends={ends} onOpenEnd={onOpenEnd} />
          <div className="link-walk-nav">
            <button type="button" disabled={i === 0} onClick={() => setAt(i - 1)}>
              Previous link
            </button>
            <button type="button" disabled={i >= items.length - 1} onClick={() => setAt(i + 1)}>
              Next link
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <p>
          No links behind this figure.{' '}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </p>
      )}
    </section>
  );
}

function WalkItem({
  item,
  choice,
  ends,
  onOpenEnd,
}: {
  item: LinkDisagreement;
  choice: LinkWalkChoice;
  ends: ReadonlyMap<string, EndInfo>;
  onOpenEnd: (end: LinkEndpoint, title: string) => void;
}) {
  const who =
    item.side === 'both' ? `${choice.a} and ${choice.b}` : `only ${item.side === 'a' ? choice.a : choice.b}`;
  const end = (e: LinkEndpoint, role: string) => {
    const info = ends.get(endpointKey(e));
    const title = info?.title || e.docId;
    return (
      <li>
        {role}: {quoted(info?.text ?? '…')} in {title}{' '}
        <button type="button" onClick={() => onOpenEnd(e, title)}>
          Open {role.toLowerCase()} in {title}
        </button>
      </li>
    );
  };
  return (
    <div className="link-walk-item" data-testid="link-walk-item" data-side={item.side}>
      <p>
        {RELATION_TITLES[item.relation]}, linked by {who}
        {item.link.note ? ` — note: ${item.link.note}` : ''}
      </p>
      <ul>
        {end(item.link.from, 'From')}
        {end(item.link.to, 'To')}
      </ul>
    </div>
  );
}
