import { err, ok, type Result } from '../result';
import { endpointKey, isRelation, RELATIONS, sameEndpoint, type Link, type LinkEndpoint } from './link';

/** A link as read from a file or a form, before validation: the relation is any string. */
export interface RawLink {
  readonly id: string;
  readonly annotator: string;
  readonly relation: string;
  readonly from: LinkEndpoint;
  readonly to: LinkEndpoint;
  readonly note: string;
  readonly updatedAt?: number;
}

export type LinkProblemKind =
  'unknown_relation' | 'self_link' | 'unknown_document' | 'out_of_range' | 'unknown_endpoint' | 'duplicate';

/** One reason a link cannot be stored; `field` names the part of the link it is about. */
export interface LinkProblem {
  readonly kind: LinkProblemKind;
  readonly field: 'relation' | 'from' | 'to' | null;
  readonly message: string;
}

/** What a link is checked against: the documents and the spans of each annotator. */
export interface LinkContext {
  /** Code point length of a document, or undefined when it is not there. */
  docLength(docId: string): number | undefined;
  /** Whether `annotator` has a span with exactly the endpoint's extent in its document. */
  hasSpan(annotator: string, end: LinkEndpoint): boolean;
  /** How a document is named in messages (its title); its id when not given. */
  docName?(docId: string): string;
  /** Where documents were looked for, in messages: "this file", "the export", "the library". */
  readonly scope: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const shortId = (docId: string): string => (docId.length > 20 ? `${docId.slice(0, 19)}…` : docId);

function endpointProblem(link: RawLink, field: 'from' | 'to', ctx: LinkContext): LinkProblem | null {
  const e = link[field];
  const length = ctx.docLength(e.docId);
  if (length === undefined) {
    return {
      kind: 'unknown_document',
      field,
      message: `${field}: the document ${shortId(e.docId)} is not in ${ctx.scope}.`,
    };
  }
  const name = ctx.docName?.(e.docId) ?? shortId(e.docId);
  if (!(
    Number.isSafeInteger(e.start) &&
    Number.isSafeInteger(e.end) &&
    0 <= e.start &&
    e.start < e.end &&
    e.end <= length
  )) {
    return {
      kind: 'out_of_range',
      field,
      message: `${field}: ${e.start}–${e.end} is not a span of "${name}" (0 ≤ start < end ≤ ${fmt(length)} code points).`,
    };
  }
  if (!ctx.hasSpan(link.annotator, e)) {
    return {
      kind: 'unknown_endpoint',
      field,
      message: `${field}: ${link.annotator} has no span at ${e.start}–${e.end} in "${name}".`,
    };
  }
  return null;
}

/**
 * Checks one link: a known relation, two different endpoints, each inside its document and
 * exactly the extent of a span of the link's annotator. Every problem is returned (errors are
 * values). O(1) given an O(1) context (see `spanLookup`).
 */
export function validateLink(link: RawLink, ctx: LinkContext): Result<Link, LinkProblem[]> {
  const problems: LinkProblem[] = [];
  if (!isRelation(link.relation)) {
    problems.push({
      kind: 'unknown_relation',
      field: 'relation',
      message: `The relation "${link.relation}" is not known (links are ${RELATIONS.join(', ')}).`,
    });
  }
  if (sameEndpoint(link.from, link.to)) {
    problems.push({
      kind: 'self_link',
      field: null,
      message: `A link joins two different spans; from and to are both ${link.from.start}–${link.from.end} of one document.`,
    });
  }
  for (const field of ['from', 'to'] as const) {
    const p = endpointProblem(link, field, ctx);
    if (p) problems.push(p);
  }
  if (problems.length > 0 || !isRelation(link.relation)) return err(problems);
  return ok({ ...link, relation: link.relation });
}

/** The sets a link context is made of: one annotator's span extents on one document. */
export interface ExtentSet {
  readonly docId: string;
  readonly annotator: string;
  readonly spans: readonly { readonly start: number; readonly end: number }[];
}

/**
 * A `hasSpan` over annotation sets, by a hash set of (annotator, document, extent) keys. O(total
 * spans) to build, O(1) per question.
 */
export function spanLookup(sets: Iterable<ExtentSet>): (annotator: string, end: LinkEndpoint) => boolean {
  const keys = new Set<string>();
  for (const set of sets) {
    for (const s of set.spans) keys.add(`${set.annotator}\u0000${endpointKey({ docId: set.docId, ...s })}`);
  }
  return (annotator, e) => keys.has(`${annotator}\u0000${endpointKey(e)}`);
}
