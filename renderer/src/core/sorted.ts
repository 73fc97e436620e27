/** Index of the first value greater than `x` in an ascending array (its length if none). O(log n). */
export function firstAbove(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last value at most `x` in an ascending array; 0 when none is (line and chunk starts begin at 0). */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  return Math.max(0, firstAbove(sorted, x) - 1);
}
