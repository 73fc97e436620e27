/**
 * One-to-one matching of two annotators' spans of one label in one document.
 * Inputs are sorted by (start ↑, end ↓) and free of duplicates (Study invariants).
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Number of spans present in both lists with identical offsets. O(|a| + |b|) merge. */
export function exactMatches(a: readonly Interval[], b: readonly Interval[]): number {
  let i = 0;
  let j = 0;
  let matched = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const order = x.start - y.start || y.end - x.end;
    if (order === 0) matched++;
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return matched;
}

/**
 * Size of a MAXIMUM matching in the bipartite graph joining spans that share a code point
 * (touching is not overlapping). Greedy pairing can fall short (fixture
 * `overlap_matching_is_maximum`), so each connected cluster of overlapping spans is solved exactly
 * with augmenting paths (Kuhn). Clusters come from one sweep by start, so the cost is
 * O(Σ clusters V·E) — linear for the usual few overlaps, never worse than O(|a|·|b|·(|a|+|b|)).
 */
export function maxOverlapMatching(a: readonly Interval[], b: readonly Interval[]): number {
  let matched = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // Grow one cluster: every span starting before the running maximum end belongs to it.
    const ai = i;
    const bj = j;
    let maxEnd = -Infinity;
    for (;;) {
      const x = a[i];
      const y = b[j];
      const next = x && (!y || x.start <= y.start) ? x : y;
      if (!next || (maxEnd !== -Infinity && next.start >= maxEnd)) break;
      if (next === x) i++;
      else j++;
      if (next.end > maxEnd) maxEnd = next.end;
    }
    const na = i - ai;
    const nb = j - bj;
    // A cluster is connected, so a lone span of one side overlaps some span of the other: the
    // common case of a single span each way needs no graph.
    if (na === 1 || nb === 1) matched += Math.min(na, nb);
    else if (na > 0 && nb > 0) matched += matchCluster(a.slice(ai, i), b.slice(bj, j));
  }
  return matched;
}

/** Maximum matching of one cluster by augmenting paths; iterative so deep chains cannot overflow. */
function matchCluster(a: readonly Interval[], b: readonly Interval[]): number {
  const adjacency = a.map((x) => {
    const out: number[] = [];
    b.forEach((y, v) => {
      if (x.start < y.end && y.start < x.end) out.push(v);
    });
    return out;
  });
  const matchB = new Int32Array(b.length).fill(-1);
  const seen = new Int32Array(b.length).fill(-1);
  let size = 0;
  for (let root = 0; root < a.length; root++) {
    if (augment(root, adjacency, matchB, seen)) size++;
  }
  return size;
}

/** Searches an augmenting path from free vertex `root` (depth-first) and flips it. O(V + E). */
function augment(
  root: number,
  adjacency: readonly number[][],
  matchB: Int32Array,
  seen: Int32Array,
): boolean {
  const stackU = [root];
  const stackE = [0];
  const via: number[] = []; // via[k]: the B vertex level k moved through
  while (stackU.length > 0) {
    const top = stackU.length - 1;
    const u = stackU[top] as number;
    const e = stackE[top] as number;
    const edges = adjacency[u] as number[];
    if (e >= edges.length) {
      stackU.pop();
      stackE.pop();
      continue;
    }
    stackE[top] = e + 1;
    const v = edges[e] as number;
    if (seen[v] === root) continue;
    seen[v] = root;
    via[top] = v;
    const owner = matchB[v] as number;
    if (owner === -1) {
      for (let level = 0; level <= top; level++) matchB[via[level] as number] = stackU[level] as number;
      return true;
    }
    stackU.push(owner);
    stackE.push(0);
  }
  return false;
}
