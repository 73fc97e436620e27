/**
 * Array helpers safe at corpus scale: `push(...items)`, `Math.min(...xs)` and `Math.max(...xs)` pass
 * every item as a call argument and throw "Maximum call stack size exceeded" past ~100,000 items in V8.
 */

/** Appends every item to `target`, in order. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

/** The smallest `f(x)`; Infinity for no items (as Math.min() is). */
export function minOf<T>(items: readonly T[], f: (x: T) => number): number {
  let m = Infinity;
  for (const x of items) {
    const v = f(x);
    if (v < m) m = v;
  }
  return m;
}

/** The largest `f(x)`; -Infinity for no items (as Math.max() is). */
export function maxOf<T>(items: readonly T[], f: (x: T) => number): number {
  let m = -Infinity;
  for (const x of items) {
    const v = f(x);
    if (v > m) m = v;
  }
  return m;
}
