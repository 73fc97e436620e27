/** What BM25 reads from the index: postings per term, and per sentence its document and length. */
export interface Bm25View {
  postings(term: number):
    | {
        readonly sentence: { readonly data: Int32Array; readonly length: number };
        readonly tf: { readonly data: Uint16Array };
      }
    | undefined;
  df(term: number): number;
  readonly sentences: number;
  readonly avgLength: number;
  readonly sentDoc: Int32Array;
  readonly sentLen: Uint16Array;
  /** Per document number: non-zero to leave its sentences out. */
  readonly docSkip: Uint8Array;
}

const K1 = 1.2;
const B = 0.75;

/** Index of `s` in the ascending `sorted[0, n)`, or −1. O(log n). */
function find(sorted: Int32Array, n: number, s: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && sorted[lo] === s ? lo : -1;
}

/**
 * The k best sentences by BM25 (k1 = 1.2, b = 0.75, idf = ln(1 + (N − df + 0.5) / (df + 0.5))),
 * best first, ties by sentence number. Exact, with MaxScore pruning: terms are taken rarest first
 * (highest possible contribution, idf·(k1 + 1)); once the k-th best score so far exceeds what all
 * the remaining terms could add to a sentence not yet seen, the common terms' long posting lists are
 * no longer walked — only the sentences already seen are looked up in them (binary search; postings
 * are in sentence order). A claim full of a library's everyday words ("AI", "data", "deal") then
 * costs its rare terms' postings, not every sentence. `acc` is a zeroed scratch array of one cell
 * per sentence, left zeroed.
 */
export function bm25TopK(
  view: Bm25View,
  terms: readonly number[],
  k: number,
  acc: Float64Array,
): { s: number; score: number }[] {
  const N = view.sentences;
  const qtf = new Map<number, number>();
  for (const t of terms) qtf.set(t, (qtf.get(t) ?? 0) + 1);
  const plan = [...qtf]
    .map(([id, q]) => {
      const df = view.df(id);
      const weight = df > 0 ? q * Math.log(1 + (N - df + 0.5) / (df + 0.5)) : 0;
      return { id, weight, bound: weight * (K1 + 1) };
    })
    .filter((t) => t.weight > 0 && view.postings(t.id) !== undefined)
    .sort((x, y) => y.bound - x.bound || x.id - y.id);
  const rest: number[] = [];
  for (let i = plan.length - 1, sum = 0; i >= 0; i--)
    rest[i] = sum += (plan[i] as (typeof plan)[number]).bound;
  const { sentDoc, sentLen, docSkip, avgLength } = view;
  const touched: number[] = [];
  const add = (s: number, tf: number, weight: number): void => {
    const gain = (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (sentLen[s] as number)) / avgLength));
    acc[s] = (acc[s] as number) + gain;
  };
  let open = true;
  for (let i = 0; i < plan.length; i++) {
    const t = plan[i] as (typeof plan)[number];
    const p = view.postings(t.id) as NonNullable<ReturnType<Bm25View['postings']>>;
    const sents = p.sentence.data;
    const n = p.sentence.length;
    const tfs = p.tf.data;
    if (open && touched.length >= k && kthScore(acc, touched, k) > (rest[i] as number)) open = false;
    if (open) {
      for (let j = 0; j < n; j++) {
        const s = sents[j] as number;
        if (docSkip[sentDoc[s] as number] !== 0) continue;
        if (acc[s] === 0) touched.push(s);
        add(s, tfs[j] as number, t.weight);
      }
    } else if (touched.length * Math.log2(n + 1) < n) {
      for (const s of touched) {
        const j = find(sents, n, s);
        if (j >= 0) add(s, tfs[j] as number, t.weight);
      }
    } else {
      for (let j = 0; j < n; j++) {
        const s = sents[j] as number;
        if (acc[s] !== 0) add(s, tfs[j] as number, t.weight);
      }
    }
  }
  const best = topK(acc, touched, k);
  for (const s of touched) acc[s] = 0;
  return best;
}

/** The k-th best score among `items` (items.length ≥ k). O(items · log k). */
function kthScore(acc: Float64Array, items: readonly number[], k: number): number {
  const top = topK(acc, items, k);
  return top[top.length - 1]?.score ?? 0;
}

/** Whether hit x ranks before hit y: higher score, then lower sentence number (stable results). */
const before = (xs: number, xv: number, ys: number, yv: number): boolean => xv > yv || (xv === yv && xs < ys);

/**
 * The k best of `items` by `acc`, best first: a min-heap of size k (its root the weakest kept), so
 * 100,000 hits cost 100,000 comparisons, not a sort. O(n log k).
 */
export function topK(acc: Float64Array, items: readonly number[], k: number): { s: number; score: number }[] {
  const heap: number[] = [];
  const weaker = (i: number, j: number): boolean => {
    const a = heap[i] as number;
    const b = heap[j] as number;
    return before(b, acc[b] as number, a, acc[a] as number);
  };
  const swap = (i: number, j: number): void => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && weaker(l, m)) m = l;
      if (r < heap.length && weaker(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const s of items) {
    if (heap.length < k) {
      heap.push(s);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!weaker(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (before(s, acc[s] as number, heap[0] as number, acc[heap[0] as number] as number)) {
      heap[0] = s;
      down(0);
    }
  }
  return heap
    .map((s) => ({ s, score: acc[s] as number }))
    .sort((x, y) => (before(x.s, x.score, y.s, y.score) ? -1 : 1));
}
