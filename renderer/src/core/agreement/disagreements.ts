import { compareCodePoints } from './pairs';
import { appendAll, maxOf, minOf } from '../arrays';

/** What a span needs for classification; callers pass their own span objects and get them back. */
export interface ClassifiableSpan {
  readonly annotator: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export type DisagreementKind = 'missing' | 'different_label' | 'different_boundaries';

/** One disagreement: the spans behind it, per annotator (every requested annotator, maybe none). */
export interface DisagreementGroup<S extends ClassifiableSpan = ClassifiableSpan> {
  readonly kind: DisagreementKind;
  /** Code point extent of all spans of the group. */
  readonly start: number;
  readonly end: number;
  /** Labels of the group's spans, in order of first appearance by offset. */
  readonly labels: readonly string[];
  readonly byAnnotator: readonly { readonly annotator: string; readonly spans: readonly S[] }[];
}

/** Spans of one label that overlap transitively (share code points; touching does not join). */
interface Cluster<S> {
  readonly spans: S[];
  start: number;
  end: number;
}

const byOffsets = (x: ClassifiableSpan, y: ClassifiableSpan): number =>
  x.start - y.start || y.end - x.end || compareCodePoints(x.label, y.label);

/** Sweeps items sorted by start into transitive-overlap clusters. O(n). */
function clusterSorted<S extends ClassifiableSpan>(sorted: readonly S[]): Cluster<S>[] {
  const out: Cluster<S>[] = [];
  let current: Cluster<S> | undefined;
  for (const s of sorted) {
    if (current && s.start < current.end) {
      current.spans.push(s);
      current.end = Math.max(current.end, s.end);
    } else {
      current = { spans: [s], start: s.start, end: s.end };
      out.push(current);
    }
  }
  return out;
}

/** True when every annotator marked exactly the same offsets in this single-label cluster. */
function agreed<S extends ClassifiableSpan>(cluster: Cluster<S>, annotators: readonly string[]): boolean {
  const keys = annotators.map((a) =>
    cluster.spans
      .filter((s) => s.annotator === a)
      .map((s) => `${s.start}:${s.end}`)
      .join(','),
  );
  return keys[0] !== '' && keys.every((k) => k === keys[0]);
}

/**
 * Classifies the disagreements of ONE document among `annotators` (spans of other annotators are
 * ignored; identical spans of one annotator count once):
 * 1. spans of each label are clustered by overlap; a cluster where all annotators marked the same
 *    offsets is agreement, one where all marked something but offsets differ is
 *    `different_boundaries`;
 * 2. the remaining clusters (some annotator has no span of that label there) are joined with
 *    overlapping remaining clusters of other labels; if then every annotator has a span, they saw
 *    something but labelled it differently (`different_label`), otherwise someone has nothing
 *    there (`missing`).
 * Groups come in text order. O(S log S + S·A).
 */
export function classifyDisagreements<S extends ClassifiableSpan>(
  spans: readonly S[],
  annotators: readonly string[],
): DisagreementGroup<S>[] {
  const wanted = new Set(annotators);
  const seen = new Set<string>();
  const unique = spans.filter((s) => {
    const key = `${s.annotator}\u0000${s.start}\u0000${s.end}\u0000${s.label}`;
    if (!wanted.has(s.annotator) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const perLabel = new Map<string, S[]>();
  for (const s of [...unique].sort(byOffsets)) {
    const list = perLabel.get(s.label) ?? [];
    list.push(s);
    perLabel.set(s.label, list);
  }
  const groups: { kind: DisagreementKind; spans: S[] }[] = [];
  const incomplete: Cluster<S>[] = [];
  for (const list of perLabel.values()) {
    for (const cluster of clusterSorted(list)) {
      if (agreed(cluster, annotators)) continue;
      const present = new Set(cluster.spans.map((s) => s.annotator));
      if (present.size === wanted.size) groups.push({ kind: 'different_boundaries', spans: cluster.spans });
      else incomplete.push(cluster);
    }
  }
  incomplete.sort((x, y) => x.start - y.start);
  let merged: { spans: S[]; end: number } | undefined;
  const flush = (): void => {
    if (!merged) return;
    const present = new Set(merged.spans.map((s) => s.annotator));
    groups.push({ kind: present.size === wanted.size ? 'different_label' : 'missing', spans: merged.spans });
  };
  for (const c of incomplete) {
    if (merged && c.start < merged.end) {
      appendAll(merged.spans, c.spans);
      merged.end = Math.max(merged.end, c.end);
    } else {
      flush();
      merged = { spans: [...c.spans], end: c.end };
    }
  }
  flush();
  return groups
    .map((g) => toGroup(g.kind, g.spans, annotators))
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

function toGroup<S extends ClassifiableSpan>(
  kind: DisagreementKind,
  spans: S[],
  annotators: readonly string[],
): DisagreementGroup<S> {
  const sorted = [...spans].sort(byOffsets);
  return {
    kind,
    start: minOf(sorted, (s) => s.start),
    end: maxOf(sorted, (s) => s.end),
    labels: [...new Set(sorted.map((s) => s.label))],
    byAnnotator: annotators.map((annotator) => ({
      annotator,
      spans: sorted.filter((s) => s.annotator === annotator),
    })),
  };
}
