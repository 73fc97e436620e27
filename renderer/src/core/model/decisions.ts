import { classifyDisagreements, type DisagreementKind } from '../agreement/disagreements';
import { compareCodePoints } from '../agreement/pairs';
import { labelOrder, type Span } from './span';
import { appendAll, minOf } from '../arrays';

/** An annotator's span, as the adjudication view reads it. */
export type SourceSpan = Span & { readonly annotator: string };

/** One proposal: distinct offsets and label, with every annotator who marked exactly that. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly label: Span['label'];
  /** In code point order. */
  readonly proposers: readonly string[];
  readonly sources: readonly SourceSpan[];
}

/**
 * One thing to decide: the spans of ONE label that overlap (transitively) where the annotators did
 * not all mark the same offsets. Spans of different labels are never one decision, even at the same
 * offsets or nested — gold may well hold both. `kind` is that of the disagreement group
 * (`classifyDisagreements`) the spans fall in; decisions sharing `group` are one disagreement.
 */
export interface Decision {
  /** Stable while the annotators' spans do not change: label plus extent. */
  readonly id: string;
  readonly label: Span['label'];
  readonly start: number;
  readonly end: number;
  readonly kind: DisagreementKind;
  readonly group: number;
  readonly candidates: readonly Candidate[];
  readonly byAnnotator: readonly { readonly annotator: string; readonly spans: readonly SourceSpan[] }[];
}

export interface DocumentDecisions {
  readonly decisions: readonly Decision[];
  /** Spans every annotator marked identically (input to "accept everything agreed"). */
  readonly agreed: readonly Candidate[];
}

const offsetKey = (s: { start: number; end: number }): string => `${s.start}:${s.end}`;

function candidatesOf(spans: readonly SourceSpan[]): Candidate[] {
  const byOffsets = new Map<string, SourceSpan[]>();
  for (const s of spans) byOffsets.set(offsetKey(s), [...(byOffsets.get(offsetKey(s)) ?? []), s]);
  return [...byOffsets.values()]
    .map((list) => {
      const first = list[0] as SourceSpan;
      const proposers = [...new Set(list.map((s) => s.annotator))].sort(compareCodePoints);
      return { start: first.start, end: first.end, label: first.label, proposers, sources: list };
    })
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * The decisions of ONE document among `annotators` (other annotators' spans are ignored; an
 * annotator's identical spans count once). Decisions in text order. O(S log S + S·A).
 */
export function buildDecisions(
  spans: readonly SourceSpan[],
  annotators: readonly string[],
): DocumentDecisions {
  const wanted = new Set(annotators);
  const seen = new Set<string>();
  const unique = spans.filter((s) => {
    const key = `${s.annotator}\u0000${offsetKey(s)}\u0000${s.label}`;
    if (!wanted.has(s.annotator) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const groupOf = new Map<SourceSpan, { index: number; kind: DisagreementKind }>();
  classifyDisagreements(unique, annotators).forEach((g, index) => {
    for (const a of g.byAnnotator) for (const s of a.spans) groupOf.set(s, { index, kind: g.kind });
  });
  const decisions: Decision[] = [];
  const agreed: Candidate[] = [];
  const sorted = [...unique].sort(
    (x, y) => labelOrder(x.label, y.label) || x.start - y.start || y.end - x.end,
  );
  let cluster: SourceSpan[] = [];
  let end = -1;
  const flush = (): void => {
    const first = cluster[0];
    if (!first) return;
    const group = groupOf.get(first);
    const candidates = candidatesOf(cluster);
    if (!group) appendAll(agreed, candidates);
    else {
      const start = minOf(cluster, (s) => s.start);
      decisions.push({
        id: `${first.label}@${start}-${end}`,
        label: first.label,
        start,
        end,
        kind: group.kind,
        group: group.index,
        candidates,
        byAnnotator: annotators.map((annotator) => ({
          annotator,
          spans: cluster.filter((s) => s.annotator === annotator),
        })),
      });
    }
  };
  for (const s of sorted) {
    if (cluster.length > 0 && s.label === cluster[0]?.label && s.start < end) {
      cluster.push(s);
      end = Math.max(end, s.end);
    } else {
      flush();
      cluster = [s];
      end = s.end;
    }
  }
  flush();
  decisions.sort((x, y) => x.start - y.start || x.end - y.end || labelOrder(x.label, y.label));
  agreed.sort((x, y) => x.start - y.start || x.end - y.end || labelOrder(x.label, y.label));
  return { decisions, agreed };
}
