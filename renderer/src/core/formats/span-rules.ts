import type { Span } from '../model/span';
import type { CodePointIndex } from '../text/code-points';
import { isGraphemeBoundary } from '../text/graphemes';
import type { OffsetUnit } from './import-types';
import type { LabelResolver } from './label-resolve';
import type { ProblemLog } from './problems';
import { makeSpanId } from './span-id';

/** A span as read from a file, before validation. Offsets are in `SpanContext.unit`. */
export interface RawSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly text?: string | undefined;
  readonly note?: string | undefined;
  readonly unsure?: boolean | undefined;
  readonly id?: string | undefined;
  /** Where it sits in the record, e.g. `spans[3]`, for the report. */
  readonly field: string;
  /** The file's own name for it (doccano entity id, brat T1), so relations can find the span. */
  readonly ref?: string;
}

/**
 * How a file's span text compares with the article's slice: `true` equal, `'loose'` equal but for
 * line breaks and spaces (accepted with a warning), `false` a mismatch.
 */
export type TextComparison = (fromFile: string, slice: string) => boolean | 'loose';

export interface SpanContext {
  readonly index: CodePointIndex;
  readonly line: number | null;
  readonly log: ProblemLog;
  readonly labels: LabelResolver;
  readonly unit: OffsetUnit;
  readonly docId: string;
  /** Used only to derive ids for spans that have none. */
  readonly annotator: string;
  readonly sameText?: TextComparison;
  /** Filled with file ref → span id for every span that became one. */
  readonly refs?: Map<string, string>;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** A short, visible excerpt for messages: at most 40 characters, quoted. */
export function excerpt(s: string): string {
  const chars = Array.from(s);
  const cut = chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : s;
  return JSON.stringify(cut);
}

/**
 * Validates raw spans against the text and converts them to code-point `Span`s: offsets must be
 * whole numbers with 0 ≤ start < end ≤ length (in the file's unit), labels must resolve, and a
 * given `text` must equal the slice. Every failure is logged with line and field; failing spans are
 * left out of the returned list (the file as a whole is rejected anyway), and so are spans whose
 * label is mapped to `skip` (counted by the resolver). A boundary inside a grapheme cluster is kept
 * and warned about. O(n log k).
 */
export function validateSpans(raw: readonly RawSpan[], ctx: SpanContext): Span[] {
  const out: Span[] = [];
  const ids = new Set<string>();
  for (const r of raw) {
    const span = validateOne(r, ctx);
    if (!span) continue;
    // Generated ids repeat only for exact duplicates, which the collector collapses with a warning.
    if (r.id !== undefined && ids.has(span.id)) {
      ctx.log.error(ctx.line, `${r.field}.id`, `Two spans have the same id "${span.id}".`);
      continue;
    }
    ids.add(span.id);
    if (r.ref !== undefined) ctx.refs?.set(r.ref, span.id);
    out.push(span);
  }
  return out;
}

/** Logs what is wrong with one offset of a span; true when something is. */
function offsetProblem(r: RawSpan, ctx: SpanContext, key: 'start' | 'end', v: number): boolean {
  const { log, line, index } = ctx;
  const length = ctx.unit === 'utf16' ? index.utf16Length : index.codePointLength;
  if (v < 0) {
    log.error(line, `${r.field}.${key}`, `The ${key} offset ${fmt(v)} is negative.`);
    return true;
  }
  if (v > length) {
    const unitName = ctx.unit === 'utf16' ? 'UTF-16 units' : 'characters';
    log.error(
      line,
      `${r.field}.${key}`,
      `The ${key} offset ${fmt(v)} is past the end of the text, which is ${fmt(length)} ${unitName} long.`,
    );
    return true;
  }
  if (ctx.unit === 'utf16' && index.splitsPair(v)) {
    log.error(
      line,
      `${r.field}.${key}`,
      `The ${key} offset ${fmt(v)} falls inside an emoji or other two-unit character.`,
    );
    return true;
  }
  return false;
}

// Each offset checked by a call, not a loop over [key, value] pairs: those built three arrays a span.
function offsetsProblem(r: RawSpan, ctx: SpanContext): boolean {
  const { log, line } = ctx;
  // Both offsets are checked (and reported) even when the first one is wrong.
  const startBad = offsetProblem(r, ctx, 'start', r.start);
  if (offsetProblem(r, ctx, 'end', r.end) || startBad) return true;
  if (r.start > r.end) {
    log.error(
      line,
      r.field,
      `The start offset ${fmt(r.start)} comes after the end offset ${fmt(r.end)} (reversed).`,
    );
    return true;
  }
  if (r.start === r.end) {
    log.error(line, r.field, `The span is empty: its start and end are both ${fmt(r.start)}.`);
    return true;
  }
  return false;
}

function validateOne(r: RawSpan, ctx: SpanContext): Span | null {
  const { log, line, index } = ctx;
  const label = ctx.labels.resolve(r.label, line, r.field);
  if (offsetsProblem(r, ctx) || label === null) return null;
  const start = ctx.unit === 'utf16' ? index.toCodePoint(r.start) : r.start;
  const end = ctx.unit === 'utf16' ? index.toCodePoint(r.end) : r.end;
  const slice = index.slice(start, end);
  if (r.text !== undefined) {
    const same = (ctx.sameText ?? exact)(r.text, slice);
    if (same === false) {
      log.error(
        line,
        `${r.field}.text`,
        `The span's text ${excerpt(r.text)} does not match the article text at ${fmt(r.start)}–${fmt(r.end)}, which is ${excerpt(slice)}.${otherUnitHint(r, ctx)}`,
      );
      return null;
    }
    if (same === 'loose') {
      log.warn(
        line,
        `${r.field}.text`,
        `The span's text ${excerpt(r.text)} differs from the article text ${excerpt(slice)} only in line breaks and spaces (Label Studio drops line breaks from it); the article's text was kept.`,
      );
    }
  }
  if (label === 'skip') return null;
  warnSplitCluster(r, ctx, start, end);
  const id = r.id ?? makeSpanId(ctx.docId, ctx.annotator, start, end, label);
  const span: Span = { id, start, end, label, note: r.note ?? '' };
  return r.unsure ? { ...span, unsure: true } : span;
}

/** When a mismatching span's text would match in the other unit, say so. */
function otherUnitHint(r: RawSpan, ctx: SpanContext): string {
  const { index } = ctx;
  const other: OffsetUnit = ctx.unit === 'utf16' ? 'codepoint' : 'utf16';
  const slice =
    other === 'utf16'
      ? r.end <= index.utf16Length
        ? index.text.slice(r.start, r.end)
        : null
      : r.end <= index.codePointLength
        ? index.slice(r.start, r.end)
        : null;
  if (slice === null || slice !== r.text) return '';
  return ` Counted in ${other === 'utf16' ? 'UTF-16 units' : 'code points'} the offsets give exactly that text: the file uses that unit.`;
}

function warnSplitCluster(r: RawSpan, ctx: SpanContext, start: number, end: number): void {
  const { index } = ctx;
  const key = !isGraphemeBoundary(index.text, index.toUtf16(start))
    ? 'start'
    : !isGraphemeBoundary(index.text, index.toUtf16(end))
      ? 'end'
      : null;
  if (key === null) return;
  ctx.log.warn(
    ctx.line,
    `${r.field}.${key}`,
    `The span ${excerpt(index.slice(start, end))} ${key === 'start' ? 'starts' : 'ends'} inside one visible character (an emoji sequence or a letter with marks); its offsets were kept as they are.`,
  );
}

const exact = (a: string, b: string): boolean => a === b;

/** Label Studio's comparison: exact, or equal once all white space is removed (`'loose'`). */
export const sameButWhitespace: TextComparison = (a, b) => {
  if (a === b) return true;
  return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '') ? 'loose' : false;
};
