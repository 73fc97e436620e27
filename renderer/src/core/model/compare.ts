import { compareSpans, type Span } from './span';

/** How another annotator's span stands against one's own. */
export type Comparison = 'same' | 'other_label' | 'other_bounds' | 'only_theirs';

export const COMPARISON_TITLES: Readonly<Record<Comparison, string>> = {
  same: 'same as yours',
  other_label: 'you chose another label',
  other_bounds: 'your boundaries differ',
  only_theirs: 'not in yours',
};

export interface ComparedSpan {
  readonly span: Span;
  readonly comparison: Comparison;
}

export interface ComparisonSummary {
  readonly theirs: readonly ComparedSpan[];
  readonly counts: Readonly<Record<Comparison, number>>;
  /** One's own spans with no span of the same label overlapping them in theirs. */
  readonly onlyMine: number;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Another annotator's (or gold's) spans read against one's own, for comparing while annotating:
 * exact match, same extent with another label, same label with other boundaries, or theirs alone.
 * Sorted in text order. O((m + t) log m + overlaps) with a sweep over one's own spans by start.
 */
export function compareWith(mine: readonly Span[], theirs: readonly Span[]): ComparisonSummary {
  const own = [...mine].sort(compareSpans);
  const maxEnd: number[] = [];
  own.forEach((s, i) => maxEnd.push(Math.max(s.end, i > 0 ? (maxEnd[i - 1] as number) : 0)));
  // One's own spans that overlap `t`: those starting before t.end whose running max end passes t.start.
  const overlapping = (t: Span): Span[] => {
    let hi = own.length;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((own[mid] as Span).start < t.end) lo = mid + 1;
      else hi = mid;
    }
    const out: Span[] = [];
    for (let i = lo - 1; i >= 0 && (maxEnd[i] as number) > t.start; i--) {
      const s = own[i] as Span;
      if (overlaps(s, t)) out.push(s);
    }
    return out;
  };
  const counts: Record<Comparison, number> = { same: 0, other_label: 0, other_bounds: 0, only_theirs: 0 };
  const matchedMine = new Set<Span>();
  const compared = [...theirs].sort(compareSpans).map((t): ComparedSpan => {
    const near = overlapping(t);
    let comparison: Comparison = 'only_theirs';
    if (near.some((s) => s.start === t.start && s.end === t.end && s.label === t.label)) comparison = 'same';
    else if (near.some((s) => s.start === t.start && s.end === t.end)) comparison = 'other_label';
    else if (near.some((s) => s.label === t.label)) comparison = 'other_bounds';
    for (const s of near) if (s.label === t.label) matchedMine.add(s);
    counts[comparison] += 1;
    return { span: t, comparison };
  });
  return { theirs: compared, counts, onlyMine: own.filter((s) => !matchedMine.has(s)).length };
}
