import { compareCodePoints } from '../agreement/pairs';
import {
  compareEndpoints,
  endpointPairKey,
  linkKey,
  orderedEnds,
  RELATIONS,
  type Link,
  type LinkEndpoint,
} from './link';
import { appendAll } from '../arrays';

/** One proposal: a relation (with its direction when directed) and who made it. */
export interface LinkCandidate {
  readonly key: string;
  readonly relation: Link['relation'];
  readonly from: LinkEndpoint;
  readonly to: LinkEndpoint;
  /** In code point order. */
  readonly proposers: readonly string[];
  readonly sources: readonly Link[];
}

/**
 * One thing to decide about links: the pair of spans (direction ignored) where the annotators did
 * not all make the same links. `missing`: some annotators made no link between them at all;
 * `relation`: all linked them, but not with the same relations (or directions). Unlike spans of two
 * labels, two relations between the same spans are one decision, since they usually exclude each
 * other (same claim or contradicts); gold may still take several candidates.
 */
export interface LinkDecision {
  /** Stable while the annotators' links do not change: `link:` and the endpoint pair. */
  readonly id: string;
  readonly ends: readonly [LinkEndpoint, LinkEndpoint];
  readonly kind: 'missing' | 'relation';
  readonly candidates: readonly LinkCandidate[];
  readonly byAnnotator: readonly { readonly annotator: string; readonly links: readonly Link[] }[];
}

export interface LinkDecisions {
  readonly decisions: readonly LinkDecision[];
  /** Links every annotator made identically (input to "accept everything agreed"). */
  readonly agreed: readonly LinkCandidate[];
}

export const linkDecisionId = (link: Pick<Link, 'from' | 'to'>): string => `link:${endpointPairKey(link)}`;

function candidatesOf(links: readonly Link[]): LinkCandidate[] {
  const byKey = new Map<string, Link[]>();
  for (const l of links) {
    const list = byKey.get(linkKey(l));
    if (list) list.push(l);
    else byKey.set(linkKey(l), [l]);
  }
  return [...byKey.entries()]
    .map(([key, list]) => {
      const first = list[0] as Link;
      const proposers = [...new Set(list.map((l) => l.annotator))].sort(compareCodePoints);
      return { key, relation: first.relation, from: first.from, to: first.to, proposers, sources: list };
    })
    .sort(
      (x, y) =>
        RELATIONS.indexOf(x.relation) - RELATIONS.indexOf(y.relation) ||
        compareEndpoints(x.from, y.from) ||
        compareEndpoints(x.to, y.to),
    );
}

/**
 * The link decisions among `annotators` (others' links are ignored; an annotator's duplicate links
 * count once), ordered by their spans. O(L log L).
 */
export function buildLinkDecisions(links: readonly Link[], annotators: readonly string[]): LinkDecisions {
  const names = [...new Set(annotators)].sort(compareCodePoints);
  const wanted = new Set(names);
  const byPair = new Map<string, Link[]>();
  for (const l of links) {
    if (!wanted.has(l.annotator)) continue;
    const k = endpointPairKey(l);
    const list = byPair.get(k);
    if (list) list.push(l);
    else byPair.set(k, [l]);
  }
  const decisions: LinkDecision[] = [];
  const agreed: LinkCandidate[] = [];
  for (const list of byPair.values()) {
    const candidates = candidatesOf(list);
    if (candidates.every((c) => c.proposers.length === names.length)) {
      appendAll(agreed, candidates);
      continue;
    }
    const first = list[0] as Link;
    const linkedBy = new Set(list.map((l) => l.annotator));
    decisions.push({
      id: linkDecisionId(first),
      ends: orderedEnds(first),
      kind: linkedBy.size < names.length ? 'missing' : 'relation',
      candidates,
      byAnnotator: names.map((annotator) => ({
        annotator,
        links: list.filter((l) => l.annotator === annotator),
      })),
    });
  }
  const byEnds = (
    x: readonly [LinkEndpoint, LinkEndpoint],
    y: readonly [LinkEndpoint, LinkEndpoint],
  ): number => compareEndpoints(x[0], y[0]) || compareEndpoints(x[1], y[1]);
  decisions.sort((x, y) => byEnds(x.ends, y.ends));
  agreed.sort((x, y) => byEnds(orderedEnds(x), orderedEnds(y)) || (x.key < y.key ? -1 : 1));
  return { decisions, agreed };
}
