import type { Label } from './labels';

/** What overlap layout needs of a span: extent (any one unit, end exclusive) and label. */
export interface Extent {
  readonly start: number;
  readonly end: number;
  readonly label: Label;
}

/**
 * A lane per span for stacked underlines (as INCEpTION stacks boxes): spans that overlap never share a
 * lane, and each takes the lowest lane free at its start, so a span alone sits on lane 0 and nested or
 * crossing spans stack below it. `spans` must be in start order; ties put the longer span first, so an
 * enclosing span keeps the upper lane. O(n · lanes in use).
 */
export function assignLanes(spans: readonly Extent[]): number[] {
  const order = spans.map((_, i) => i);
  order.sort((a, b) => {
    const x = spans[a] as Extent;
    const y = spans[b] as Extent;
    return x.start - y.start || y.end - x.end || a - b;
  });
  const lanes = new Array<number>(spans.length).fill(0);
  /** laneEnds[k] = end of the last span placed on lane k. */
  const laneEnds: number[] = [];
  for (const i of order) {
    const s = spans[i] as Extent;
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    lanes[i] = lane;
  }
  return lanes;
}

/**
 * Stretches of text covered by spans of two or more different labels, in text order, merged where
 * they touch. There the label tints would blend into a mixed hue that names no label, so the article
 * shows a neutral tint and lets each label's underline speak. O(n log n).
 */
export function mixedSegments(spans: readonly Extent[]): [start: number, end: number][] {
  const events: [at: number, delta: 1 | -1, label: Label][] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    events.push([s.start, 1, s.label], [s.end, -1, s.label]);
  }
  // At one offset, ends before starts: spans that only touch do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const open = new Map<Label, number>();
  const out: [number, number][] = [];
  let from = -1;
  for (let i = 0; i < events.length;) {
    const at = (events[i] as (typeof events)[number])[0];
    for (; i < events.length && (events[i] as (typeof events)[number])[0] === at; i++) {
      const [, delta, label] = events[i] as (typeof events)[number];
      const n = (open.get(label) ?? 0) + delta;
      if (n === 0) open.delete(label);
      else open.set(label, n);
    }
    const mixed = open.size >= 2;
    if (mixed && from < 0) from = at;
    else if (!mixed && from >= 0) {
      const last = out[out.length - 1];
      if (last && last[1] === from) last[1] = at;
      else out.push([from, at]);
      from = -1;
    }
  }
  return out;
}
