import { compareEndpoints, sameEndpoint, type Link, type LinkEndpoint } from './link';

/** How a link looks from one of its spans: `supports` is directed, the others read the same both ways. */
export type LinkRole = 'same_claim' | 'supports' | 'supported_by' | 'contradicts';

export const ROLE_TITLES: Readonly<Record<LinkRole, string>> = {
  same_claim: 'Same claim as',
  supports: 'Supports',
  supported_by: 'Supported by',
  contradicts: 'Contradicts',
};

export interface SpanLink {
  readonly link: Link;
  readonly role: LinkRole;
  /** The span at the other end. */
  readonly other: LinkEndpoint;
}

/**
 * The links of one span, for the span inspector's list: each with the other end and how it reads
 * from this span, ordered by relation, then the other end (document id, extent). O(L log L).
 */
export function linksOfSpan(links: readonly Link[], span: LinkEndpoint, annotator?: string): SpanLink[] {
  const out: SpanLink[] = [];
  for (const link of links) {
    if (annotator !== undefined && link.annotator !== annotator) continue;
    const isFrom = sameEndpoint(link.from, span);
    if (!isFrom && !sameEndpoint(link.to, span)) continue;
    const role: LinkRole =
      link.relation === 'supports' ? (isFrom ? 'supports' : 'supported_by') : link.relation;
    out.push({ link, role, other: isFrom ? link.to : link.from });
  }
  const order = Object.keys(ROLE_TITLES);
  return out.sort(
    (a, b) => order.indexOf(a.role) - order.indexOf(b.role) || compareEndpoints(a.other, b.other),
  );
}
