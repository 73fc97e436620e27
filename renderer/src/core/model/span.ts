import { err, ok, type Result } from '../result';
import type { CodePointIndex, CodePointOffset } from '../text/code-points';
import { snapEndToGrapheme, snapStartToGrapheme } from '../text/graphemes';
import type { Label } from './labels';
import { LABELS } from './labels';

/** One annotated span of one annotator. Offsets in code points, end exclusive. */
export interface Span {
  readonly id: string;
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly label: Label;
  /** Free-text note; empty string when none. */
  readonly note: string;
  /** Set by an annotator who is not sure of this span (shown to adjudicators). */
  readonly unsure?: boolean;
}

const labelRank = (l: Label): number => LABELS.indexOf(l);

/** Text order used everywhere spans are listed or exported: (start, end, label name, id). */
export function compareSpans(a: Span, b: Span): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The duplicate rule, the one place it is written: one annotator never has two spans with the same
 * start, end and label (other fields may differ).
 */
export function sameExtentAndLabel(
  a: Pick<Span, 'start' | 'end' | 'label'>,
  b: Pick<Span, 'start' | 'end' | 'label'>,
): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}

/**
 * Whether `spans` are in `compareSpans` order with no two the same by `sameExtentAndLabel` (then
 * no two anywhere are: equal ones would be neighbours). O(n), nothing allocated.
 */
export function inOrderWithoutDuplicates(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1] as Span;
    const b = spans[i] as Span;
    if (compareSpans(a, b) > 0 || sameExtentAndLabel(a, b)) return false;
  }
  return true;
}

/** A key equal for exactly the spans `sameExtentAndLabel` calls the same (for sets and maps). */
export const extentAndLabelKey = (s: Pick<Span, 'start' | 'end' | 'label'>): string =>
  `${s.start}:${s.end}:${s.label}`;

/** The message for a refused duplicate, wherever it is refused (editor, repository). */
export const duplicateSpanMessage = (label: Label): string => `This exact ${label} span already exists.`;

/** The span (other than `span` itself, by id) that `span` would duplicate, if any. O(n). */
export function duplicateOf(spans: readonly Span[], span: Span): Span | undefined {
  return spans.find((s) => s.id !== span.id && sameExtentAndLabel(s, span));
}

/**
 * `duplicateOf` for spans in `compareSpans` order (as a view holds them: listSpans and
 * applyCommandSorted keep it): a binary search for the start, then the few spans sharing it.
 * O(log n) instead of a scan of every span on each label (~0.1–0.4 ms with 10,000).
 */
export function duplicateInSorted(
  sorted: readonly Span[],
  span: Pick<Span, 'start' | 'end' | 'label'> & { readonly id?: string },
): Span | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Span).start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && (sorted[i] as Span).start === span.start; i++) {
    const s = sorted[i] as Span;
    if (s.id !== span.id && sameExtentAndLabel(s, span)) return s;
  }
  return undefined;
}

export function labelOrder(a: Label, b: Label): number {
  return labelRank(a) - labelRank(b);
}

export type SpanRejection =
  | { readonly kind: 'empty'; readonly message: string }
  | { readonly kind: 'duplicate'; readonly message: string; readonly existing: Span }
  | { readonly kind: 'out_of_range'; readonly message: string };

const WHITESPACE = /\s/u;

/**
 * The span a selection makes: trims leading/trailing whitespace, widens both ends to whole
 * grapheme clusters, refuses an empty result or an exact duplicate (same start, end and label).
 * `start`/`end` are code points and may come in either order (a backwards selection); `existing`
 * is in `compareSpans` order. O(log n + log k + trimmed length).
 */
export function spanFromSelection(
  index: CodePointIndex,
  a: CodePointOffset,
  b: CodePointOffset,
  label: Label,
  existing: readonly Span[],
): Result<{ start: CodePointOffset; end: CodePointOffset }, SpanRejection> {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (lo < 0 || hi > index.codePointLength) {
    return err({ kind: 'out_of_range', message: 'The selection is outside the article.' });
  }
  const text = index.text;
  let s = index.toUtf16(lo);
  let e = index.toUtf16(hi);
  while (s < e && WHITESPACE.test(text.charAt(s))) s++;
  while (e > s && WHITESPACE.test(text.charAt(e - 1))) e--;
  if (s >= e) return err({ kind: 'empty', message: 'Select some text first.' });
  s = snapStartToGrapheme(text, s);
  e = snapEndToGrapheme(text, e);
  const start = index.toCodePoint(s, 'floor');
  const end = index.toCodePoint(e, 'ceil');
  const dup = duplicateInSorted(existing, { start, end, label });
  if (dup) return err({ kind: 'duplicate', message: duplicateSpanMessage(label), existing: dup });
  return ok({ start, end });
}

/** All spans a caret at code point `at` is in or touches (start ≤ at ≤ end), in text order. */
export function spansAt(spans: readonly Span[], at: CodePointOffset): Span[] {
  return spans.filter((s) => s.start <= at && at <= s.end).sort(compareSpans);
}
