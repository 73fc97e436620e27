/**
 * DKPro Statistics' own position walks for αU, ported literally. They are used ONLY for a rater
 * whose units of one category overlap, where αU is not applicable (DKPro's precondition) and the
 * category's own figure is reported as null — but DKPro still folds that category into its mean
 * D_o and D_e, and those means are reported as the library computes them. On disjoint units both
 * walks give exactly what the fast sweeps in unitizing.ts give (checked by a property test), at
 * O(segments) per rater pair instead of O(units).
 */

export interface WalkUnit {
  readonly begin: number;
  readonly end: number;
}

/** DKPro's unit order within one rater and category (offset, then length); the walks need it. */
export function sortForWalk(units: readonly WalkUnit[]): WalkUnit[] {
  return [...units].sort((x, y) => x.begin - y.begin || x.end - y.end);
}

/** `measureDistance` of KrippendorffAlphaUnitizingAgreement (segment = offset, length, is-unit). */
function measureDistance(o1: number, l1: number, u1: boolean, o2: number, l2: number, u2: boolean): number {
  const beginDiff = o1 - o2;
  const lengthDiff = l1 - l2;
  if (u1 && u2 && -l1 < beginDiff && beginDiff < l2) return beginDiff ** 2 + (beginDiff + lengthDiff) ** 2;
  if (u1 && !u2 && -lengthDiff >= beginDiff && beginDiff >= 0) return l1 * l1;
  if (!u1 && u2 && -lengthDiff <= beginDiff && beginDiff <= 0) return l2 * l2;
  return 0;
}

/** One rater's cursor in the walk: the current segment and the next unit to load. */
class Cursor {
  offset = 0;
  length = 0;
  isUnit = false;
  private next = 0;
  constructor(
    private readonly units: readonly WalkUnit[],
    private readonly continuum: number,
  ) {}

  get hasNext(): boolean {
    return this.next < this.units.length;
  }

  /** At a segment's end, load the unit starting here or the gap up to the next unit (or the end). */
  advance(pos: number): void {
    if (pos !== this.offset + this.length) return;
    const unit = this.units[this.next];
    if (unit && pos === unit.begin) {
      this.length = unit.end - unit.begin;
      this.isUnit = true;
      this.next++;
    } else {
      // With overlapping units `unit.begin < pos`, and DKPro makes a negative "gap": kept as is.
      this.length = (unit ? unit.begin : this.continuum) - pos;
      this.isUnit = false;
    }
    this.offset = pos;
  }
}

/** Σ distances of one rater pair, walked as `calculateObservedCategoryDisagreement` does; both
 * lists in `sortForWalk` order. O(|a| + |b|). */
export function walkedPairDisagreement(
  a: readonly WalkUnit[],
  b: readonly WalkUnit[],
  continuum: number,
): number {
  const c1 = new Cursor(a, continuum);
  const c2 = new Cursor(b, continuum);
  let sum = 0;
  let pos = 0;
  while (pos < continuum && (c1.hasNext || c2.hasNext)) {
    c1.advance(pos);
    c2.advance(pos);
    sum += measureDistance(c1.offset, c1.length, c1.isUnit, c2.offset, c2.length, c2.isUnit);
    pos = Math.min(c1.offset + c1.length, c2.offset + c2.length);
  }
  return sum;
}

/** Gap lengths of one rater as `calculateExpectedCategoryDisagreement` collects them; units in
 * `sortForWalk` order. O(|units|). */
export function walkedGaps(units: readonly WalkUnit[], continuum: number): number[] {
  const cursor = new Cursor(units, continuum);
  const gaps: number[] = [];
  let pos = 0;
  while (pos < continuum) {
    cursor.advance(pos);
    if (!cursor.isUnit) gaps.push(cursor.length);
    pos = cursor.offset + cursor.length;
  }
  return gaps;
}
