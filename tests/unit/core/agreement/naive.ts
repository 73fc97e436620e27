/**
 * Deliberately naive implementations straight from the README's definitions, used only to check
 * the fast algorithms on random inputs (position by position, segment pair by segment pair).
 */
import type { Interval } from '../../../../renderer/src/core/agreement/span-matching';

/** Maximum bipartite matching of overlapping intervals by exhaustive search (small inputs only). */
export function bruteMaxMatching(a: readonly Interval[], b: readonly Interval[]): number {
  const overlaps = (x: Interval, y: Interval): boolean => x.start < y.end && y.start < x.end;
  const go = (i: number, used: number): number => {
    if (i === a.length) return 0;
    let best = go(i + 1, used);
    b.forEach((y, j) => {
      if (!(used & (1 << j)) && overlaps(a[i] as Interval, y))
        best = Math.max(best, 1 + go(i + 1, used | (1 << j)));
    });
    return best;
  };
  return go(0, 0);
}

interface Segment {
  begin: number;
  end: number;
  unit: boolean;
}

/** A rater's continuum cut into its units and gaps (units sorted, disjoint). */
function segments(units: readonly Interval[], length: number): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const u of [...units].sort((x, y) => x.start - y.start)) {
    if (u.start > pos) out.push({ begin: pos, end: u.start, unit: false });
    out.push({ begin: u.start, end: u.end, unit: true });
    pos = u.end;
  }
  if (length > pos) out.push({ begin: pos, end: length, unit: false });
  return out;
}

/** D_o and D_e of one category by the README formulas, O(segments²). */
export function naiveUnitizing(
  units: readonly (readonly Interval[])[],
  length: number,
): { dO: number; dE: number } {
  const r = units.length;
  let sum = 0;
  const segs = units.map((u) => segments(u, length));
  for (let x = 0; x < r; x++) {
    for (let y = x + 1; y < r; y++) {
      for (const s1 of segs[x] ?? []) {
        for (const s2 of segs[y] ?? []) {
          if (!(s1.begin < s2.end && s2.begin < s1.end)) continue;
          if (s1.unit && s2.unit) sum += (s1.begin - s2.begin) ** 2 + (s1.end - s2.end) ** 2;
          else if (s1.unit && !s2.unit && s2.begin <= s1.begin && s1.end <= s2.end)
            sum += (s1.end - s1.begin) ** 2;
          else if (!s1.unit && s2.unit && s1.begin <= s2.begin && s2.end <= s1.end)
            sum += (s2.end - s2.begin) ** 2;
        }
      }
    }
  }
  const dO = (2 * sum) / (r * (r - 1) * length * length);
  const all = units.flat();
  const gaps = segs
    .flat()
    .filter((s) => !s.unit)
    .map((s) => s.end - s.begin);
  let numerator = 0;
  let squared = 0;
  for (const u of all) {
    const l = u.end - u.start;
    squared += l * (l - 1);
    let fit = 0;
    for (const g of gaps) if (g >= l) fit += g - l + 1;
    numerator += ((all.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fit;
  }
  const dE = ((2 / length) * numerator) / (r * length * (r * length - 1) - squared);
  return { dO, dE };
}

/** Single-label category of every token by the README rule, checking every span per token. */
export function naiveCategories(
  tokens: readonly Interval[],
  spans: readonly (Interval & { label: string })[],
): string[] {
  return tokens.map((t) => {
    const covering = spans
      .filter((s) => s.start < t.end && t.start < s.end)
      .sort(
        (x, y) => x.start - y.start || y.end - x.end || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0),
      );
    return covering[0]?.label ?? 'O';
  });
}
