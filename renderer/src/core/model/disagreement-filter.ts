import type { Candidate, Decision } from './decisions';

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
  /**
   * Also the spans the annotators agree on: a figure of agreement rests on them as much as on the
   * disagreements (a diagonal cell of the confusion matrix rests on them alone).
   */
  readonly agreements?: boolean;
  /** What was clicked, for the heading ("κ alice|ben", "claim", …). */
  readonly title: string;
}

/** A confusion cell on the diagonal counts tokens both labelled alike: agreements. */
export function isAgreementCell(rowLabel: string, colLabel: string): boolean {
  return rowLabel === colLabel;
}

/** The words of a confusion cell's click-through ("Show these agreements" on the diagonal). */
export function confusionCellAction(rowLabel: string, colLabel: string): string {
  return isAgreementCell(rowLabel, colLabel) ? 'Show these agreements' : 'Show these disagreements';
}

/** How many of each the view lists for one document. */
export interface Listed {
  readonly disagreements: number;
  readonly agreements: number;
}

/**
 * The heading over the spans behind a figure, saying what is listed: an overall figure or a
 * diagonal confusion cell can open agreements alone, and "Disagreements:" over them misled.
 */
export function listingHeading(title: string, listed: Listed): string {
  if (listed.agreements > 0 && listed.disagreements > 0) return `Disagreements and agreements: ${title}`;
  if (listed.agreements > 0) return `Agreements: ${title}`;
  return `Disagreements: ${title}`;
}

/**
 * The agreed spans (every annotator marked them identically) behind the filter's figure: none
 * unless it asks for agreements; of its label, or of the diagonal cell's label. O(A).
 */
export function filterAgreed(agreed: readonly Candidate[], filter: DisagreementFilter): Candidate[] {
  if (!filter.agreements) return [];
  const c = filter.confusion;
  if (c && !isAgreementCell(c.rowLabel, c.colLabel)) return [];
  const label = c ? c.rowLabel : filter.label;
  if (label === NO_LABEL) return [];
  return agreed.filter(
    (a) =>
      (label === undefined || a.label === label) && filter.annotators.every((x) => a.proposers.includes(x)),
  );
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
