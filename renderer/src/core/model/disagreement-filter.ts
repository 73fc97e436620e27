import type { Decision } from './decisions';

/** The "no label" category of the confusion matrix (as `core/agreement/confusion.ts`). */
const NO_LABEL = 'O';

/**
 * What a click in the agreement view asks to see: the disagreements behind one figure. Shared by
 * the agreement and adjudication views (the app shell passes it from one to the other).
 */
export interface DisagreementFilter {
  /** Documents to look in, in the order to offer them (worst first when from the report). */
  readonly docIds: readonly string[];
  /** Annotators whose spans are compared (≥ 2); a pair for a pairwise figure. */
  readonly annotators: readonly string[];
  /** Only decisions of this label. */
  readonly label?: string;
  /** Only disagreements where `a` marked `rowLabel` and `b` marked `colLabel` (`O`: nothing). */
  readonly confusion?: {
    readonly a: string;
    readonly b: string;
    readonly rowLabel: string;
    readonly colLabel: string;
  };
  /** What was clicked, for the heading ("κ alice|ben", "claim", …). */
  readonly title: string;
}

function labelsIn(group: readonly Decision[], annotator: string): Set<string> {
  const out = new Set<string>();
  for (const d of group) {
    if (d.byAnnotator.some((a) => a.annotator === annotator && a.spans.length > 0)) out.add(d.label);
  }
  return out;
}

const fits = (labels: Set<string>, wanted: string): boolean =>
  wanted === NO_LABEL ? labels.size === 0 : labels.has(wanted);

/**
 * The decisions of one document that the filter selects (decisions must have been built for the
 * filter's annotators). A confusion cell selects whole disagreement groups. O(D).
 */
export function filterDecisions(decisions: readonly Decision[], filter: DisagreementFilter): Decision[] {
  const { label, confusion } = filter;
  let out = label === undefined ? [...decisions] : decisions.filter((d) => d.label === label);
  if (confusion) {
    const groups = new Map<number, Decision[]>();
    for (const d of decisions) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
    out = out.filter((d) => {
      const group = groups.get(d.group) ?? [];
      return (
        fits(labelsIn(group, confusion.a), confusion.rowLabel) &&
        fits(labelsIn(group, confusion.b), confusion.colLabel)
      );
    });
  }
  return out;
}
