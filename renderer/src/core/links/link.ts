import type { CodePointOffset } from '../text/code-points';

/**
 * Links between spans, in one article or across articles (issue 16). `same_claim` and
 * `contradicts` are symmetric (direction carries no meaning); `supports` is directed: `from`
 * supports `to`.
 */
export const RELATIONS = ['same_claim', 'supports', 'contradicts'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_TITLES: Readonly<Record<Relation, string>> = {
  same_claim: 'Same claim',
  supports: 'Supports',
  contradicts: 'Contradicts',
};

export function isRelation(value: unknown): value is Relation {
  return typeof value === 'string' && (RELATIONS as readonly string[]).includes(value);
}

export const isSymmetric = (r: Relation): boolean => r !== 'supports';

/** Relation for the digit key 1–3 of the linking flow, or undefined. */
export function relationForDigit(digit: string): Relation | undefined {
  const n = Number(digit);
  return Number.isInteger(n) && n >= 1 && n <= RELATIONS.length ? RELATIONS[n - 1] : undefined;
}

/**
 * One end of a link: a span of the link's annotator, named by its document and extent (code points,
 * end exclusive), so a link means the same thing in every export and in agreement, whatever the
 * span's id. Any label may be an endpoint.
 */
export interface LinkEndpoint {
  readonly docId: string;
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
}

export interface Link {
  readonly id: string;
  /** Whose link it is; both endpoints are spans of this annotator (gold for gold links). */
  readonly annotator: string;
  readonly relation: Relation;
  readonly from: LinkEndpoint;
  readonly to: LinkEndpoint;
  /** Free-text note; empty string when none. */
  readonly note: string;
  /** When it was last written, ms since the epoch; absent when not known (read from a file). */
  readonly updatedAt?: number;
}

export const sameEndpoint = (a: LinkEndpoint, b: LinkEndpoint): boolean =>
  a.docId === b.docId && a.start === b.start && a.end === b.end;

/** Orders endpoints by document id, then extent. */
export function compareEndpoints(a: LinkEndpoint, b: LinkEndpoint): number {
  if (a.docId !== b.docId) return a.docId < b.docId ? -1 : 1;
  return a.start - b.start || a.end - b.end;
}

export const endpointKey = (e: LinkEndpoint): string => `${e.docId}@${e.start}-${e.end}`;

/** The unordered pair of endpoints: `[lower, higher]` by `compareEndpoints`. */
export function orderedEnds(link: Pick<Link, 'from' | 'to'>): readonly [LinkEndpoint, LinkEndpoint] {
  return compareEndpoints(link.from, link.to) <= 0 ? [link.from, link.to] : [link.to, link.from];
}

/**
 * What a link asserts, independent of who made it and of its id: the relation and its endpoints,
 * in canonical order for symmetric relations. Two links match (agreement, duplicates, gold) exactly
 * when their keys are equal. O(1).
 */
export function linkKey(link: Pick<Link, 'relation' | 'from' | 'to'>): string {
  const [a, b] = isSymmetric(link.relation) ? orderedEnds(link) : [link.from, link.to];
  return `${link.relation}|${endpointKey(a)}|${endpointKey(b)}`;
}

/** The key of the endpoint pair alone, direction ignored: the subject of one link decision. */
export function endpointPairKey(link: Pick<Link, 'from' | 'to'>): string {
  const [a, b] = orderedEnds(link);
  return `${endpointKey(a)}|${endpointKey(b)}`;
}

/** Deterministic order for lists and exports: annotator, endpoints, relation, id. */
export function compareLinks(a: Link, b: Link): number {
  if (a.annotator !== b.annotator) return a.annotator < b.annotator ? -1 : 1;
  const ends = compareEndpoints(a.from, b.from) || compareEndpoints(a.to, b.to);
  if (ends !== 0) return ends;
  if (a.relation !== b.relation) return RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
