import { annotatorPairs, compareCodePoints, meanDefined, record } from '../agreement/pairs';
import type { Figure } from '../agreement/types';
import { compareEndpoints, linkKey, RELATIONS, type Link, type Relation } from './link';

/**
 * Agreement on links between two annotators (issue 16). Two links match when their relation and
 * both endpoints' document, start and end are equal; for symmetric relations direction does not
 * matter (`linkKey`). Endpoints are compared exactly: spans that differ by one character are
 * different endpoints, so their links do not match (as in exact span F1).
 *
 * The first annotator of a pair (code point order) is the reference: precision = matched / b's
 * links, recall = matched / a's links, F1 = 2·matched / (a's + b's). 0/0 is null, never 0 or 1.
 */
export interface LinkScore {
  readonly precision: Figure;
  readonly recall: Figure;
  readonly f1: Figure;
  readonly matched: number;
  readonly a_only: number;
  readonly b_only: number;
}

export type LinkPairScores = Readonly<Record<Relation | 'overall', LinkScore>>;

/** The `links` section of `marginalia agreement --format json` (snake_case, like the report). */
export interface LinkAgreementReport {
  readonly annotators: readonly string[];
  /** Distinct links per annotator that were compared. */
  readonly n_links: Readonly<Record<string, number>>;
  /** Keyed `"A|B"`, A before B in code point order. */
  readonly pairs: Readonly<Record<string, LinkPairScores>>;
  /** Mean over pairs of each relation's F1 (pairs where it is defined). */
  readonly per_relation: Readonly<Record<Relation, { readonly mean_f1: Figure }>>;
  /** Mean over pairs of the all-relation F1. */
  readonly overall_f1: Figure;
  /** Links not compared because an endpoint lies in a document outside the study. */
  readonly left_out: number;
}

export function linkScore(matched: number, nA: number, nB: number): LinkScore {
  return {
    precision: nB === 0 ? null : matched / nB,
    recall: nA === 0 ? null : matched / nA,
    f1: nA + nB === 0 ? null : (2 * matched) / (nA + nB),
    matched,
    a_only: nA - matched,
    b_only: nB - matched,
  };
}

export interface LinkStudyOptions {
  /** Only links whose two endpoints lie in these documents count (the documents every annotator saw). */
  readonly docs?: ReadonlySet<string>;
}

interface Prepared {
  readonly annotators: string[];
  /** Per annotator: link key → the link (an annotator's duplicate links count once). */
  readonly byKey: ReadonlyMap<string, ReadonlyMap<string, Link>>;
  readonly leftOut: number;
}

function prepare(links: readonly Link[], annotators: readonly string[], opts: LinkStudyOptions): Prepared {
  const sorted = [...new Set(annotators)].sort(compareCodePoints);
  const byKey = new Map<string, Map<string, Link>>(sorted.map((a) => [a, new Map()]));
  let leftOut = 0;
  for (const l of links) {
    const mine = byKey.get(l.annotator);
    if (!mine) continue;
    if (opts.docs && !(opts.docs.has(l.from.docId) && opts.docs.has(l.to.docId))) {
      leftOut++;
      continue;
    }
    const key = linkKey(l);
    if (!mine.has(key)) mine.set(key, l);
  }
  return { annotators: sorted, byKey, leftOut };
}

const relationOf = (key: string): Relation => key.slice(0, key.indexOf('|')) as Relation;

function pairScores(a: ReadonlyMap<string, Link>, b: ReadonlyMap<string, Link>): LinkPairScores {
  const count = (m: ReadonlyMap<string, Link>): Record<Relation, number> => {
    const c = { same_claim: 0, supports: 0, contradicts: 0 };
    for (const k of m.keys()) c[relationOf(k)]++;
    return c;
  };
  const na = count(a);
  const nb = count(b);
  const matched = { same_claim: 0, supports: 0, contradicts: 0 };
  for (const k of a.keys()) if (b.has(k)) matched[relationOf(k)]++;
  const total = (c: Record<Relation, number>): number => c.same_claim + c.supports + c.contradicts;
  return {
    overall: linkScore(total(matched), total(na), total(nb)),
    same_claim: linkScore(matched.same_claim, na.same_claim, nb.same_claim),
    supports: linkScore(matched.supports, na.supports, nb.supports),
    contradicts: linkScore(matched.contradicts, na.contradicts, nb.contradicts),
  };
}

/**
 * Pairwise link agreement of `annotators` over `links` (other annotators' links are ignored).
 * O(L + P·L) for L links and P pairs.
 */
export function linkAgreement(
  links: readonly Link[],
  annotators: readonly string[],
  opts: LinkStudyOptions = {},
): LinkAgreementReport {
  const p = prepare(links, annotators, opts);
  const empty = new Map<string, Link>();
  const pairs = annotatorPairs(p.annotators).map(
    (pair) => [pair.key, pairScores(p.byKey.get(pair.a) ?? empty, p.byKey.get(pair.b) ?? empty)] as const,
  );
  const meanOf = (r: Relation | 'overall'): Figure => meanDefined(pairs.map(([, s]) => s[r].f1));
  return {
    annotators: p.annotators,
    n_links: record(p.annotators.map((a) => [a, p.byKey.get(a)?.size ?? 0])),
    pairs: record(pairs),
    per_relation: record(RELATIONS.map((r) => [r, { mean_f1: meanOf(r) }])) as Record<
      Relation,
      { mean_f1: Figure }
    >,
    overall_f1: meanOf('overall'),
    left_out: p.leftOut,
  };
}

/** One link of a walk through a pair's links: whose it is (`both` when the two made it alike). */
export interface LinkDisagreement {
  readonly key: string;
  readonly relation: Relation;
  /** `a` or `b` of the pair when only one made it; `both` for a matched link (a's copy). */
  readonly side: 'a' | 'b' | 'both';
  readonly link: Link;
}

/**
 * Which links behind a figure to walk through: the disagreements behind precision, recall and F1
 * (a's and b's unmatched links), the matched ones, or one side's unmatched ones.
 */
export type LinkWalkKind = 'disagreements' | 'matched' | 'a_only' | 'b_only';

/**
 * The links of `a` and `b` behind a figure (default: those the other did not make), optionally of
 * one relation, ordered by their first endpoint so that near misses (one character off, or the
 * other relation between the same spans) come next to each other. O(L log L).
 */
export function linkDisagreements(
  links: readonly Link[],
  a: string,
  b: string,
  opts: LinkStudyOptions & { readonly relation?: Relation; readonly kind?: LinkWalkKind } = {},
): LinkDisagreement[] {
  const p = prepare(links, [a, b], opts);
  const mapA = p.byKey.get(a) ?? new Map<string, Link>();
  const mapB = p.byKey.get(b) ?? new Map<string, Link>();
  const kind = opts.kind ?? 'disagreements';
  const out: LinkDisagreement[] = [];
  const collect = (
    mine: ReadonlyMap<string, Link>,
    other: ReadonlyMap<string, Link>,
    side: LinkDisagreement['side'],
  ): void => {
    for (const [key, link] of mine) {
      if (other.has(key) !== (side === 'both') || (opts.relation && link.relation !== opts.relation))
        continue;
      out.push({ key, relation: link.relation, side, link });
    }
  };
  if (kind === 'matched') collect(mapA, mapB, 'both');
  if (kind === 'disagreements' || kind === 'a_only') collect(mapA, mapB, 'a');
  if (kind === 'disagreements' || kind === 'b_only') collect(mapB, mapA, 'b');
  return out.sort((x, y) => {
    const [x1, y1] = [firstEnd(x.link), firstEnd(y.link)];
    return compareEndpoints(x1, y1) || (x.key < y.key ? -1 : x.key > y.key ? 1 : x.side < y.side ? -1 : 1);
  });
}

const firstEnd = (l: Link): Link['from'] => (compareEndpoints(l.from, l.to) <= 0 ? l.from : l.to);
