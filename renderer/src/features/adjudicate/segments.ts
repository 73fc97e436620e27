/** A piece of the text between two consecutive boundaries; `[start, end)` in code points. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The piece ends a line (its text ended with a line break, which is dropped). */
  readonly lineEnd: boolean;
}

/**
 * Cuts the text at every span boundary and after every whitespace run, so each piece is either
 * wholly inside or wholly outside every span (lanes under it are one colour each) and the pieces
 * wrap like words. O(n + b log b) for n code points and b boundaries.
 */
export function segmentText(text: string, boundaries: readonly number[]): Segment[] {
  const cps = Array.from(text);
  const cuts = new Set<number>(boundaries.filter((b) => b > 0 && b < cps.length));
  for (let i = 1; i < cps.length; i++) {
    const prevSpace = /\s/u.test(cps[i - 1] as string);
    if ((prevSpace && !/\s/u.test(cps[i] as string)) || cps[i - 1] === '\n') cuts.add(i);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let from = 0;
  for (const to of [...sorted, cps.length]) {
    if (to <= from) continue;
    const piece = cps.slice(from, to).join('');
    const lineEnd = piece.endsWith('\n');
    out.push({ start: from, end: to, text: lineEnd ? piece.slice(0, -1) : piece, lineEnd });
    from = to;
  }
  return out;
}

/**
 * A row (slot) per span of one lane, so overlapping spans stack instead of sharing one row's
 * height (where their letters were cut off), and each span keeps its row across the pieces it
 * covers. Greedy by start: the lowest row free at the span's start. `depth` is the rows needed.
 * O(s·d) for s spans stacked at most d deep.
 */
export function laneSlots(spans: readonly { id: string; start: number; end: number }[]): {
  slot: Map<string, number>;
  depth: number;
} {
  const slot = new Map<string, number>();
  const freeFrom: number[] = []; // per row: where its last span ends
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    let row = freeFrom.findIndex((end) => end <= s.start);
    if (row < 0) row = freeFrom.length;
    freeFrom[row] = s.end;
    slot.set(s.id, row);
  }
  return { slot, depth: Math.max(1, freeFrom.length) };
}
