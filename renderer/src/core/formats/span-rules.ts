import type { Label } from '../model/labels';
import type { Span } from '../model/span';
import type { CodePointIndex } from '../text/code-points';
import type { OffsetUnit } from './import-types';
import { LABEL_LIST } from './label-resolve';
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
}

export interface SpanContext {
  readonly index: CodePointIndex;
  readonly line: number | null;
  readonly log: ProblemLog;
  readonly resolveLabel: (raw: string) => Label | null;
  readonly unit: OffsetUnit;
  readonly docId: string;
  /** Used only to derive ids for spans that have none. */
  readonly annotator: string;
  /** How a file's span text is compared with the slice (brat flattens line breaks). */
  readonly sameText?: (fromFile: string, slice: string) => boolean;
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
 * left out of the returned list (the file as a whole is rejected anyway). O(n log k).
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
    out.push(span);
  }
  return out;
}

function validateOne(r: RawSpan, ctx: SpanContext): Span | null {
  const { log, line, index } = ctx;
  const label = ctx.resolveLabel(r.label);
  if (label === null) {
    log.error(
      line,
      `${r.field}.label`,
      `The label "${r.label}" is not one of Marginalia's labels (${LABEL_LIST}).`,
    );
  }
  const length = ctx.unit === 'utf16' ? index.utf16Length : index.codePointLength;
  const unitName = ctx.unit === 'utf16' ? 'UTF-16 units' : 'characters';
  let bad = false;
  for (const [key, v] of [
    ['start', r.start],
    ['end', r.end],
  ] as const) {
    if (v < 0) {
      log.error(line, `${r.field}.${key}`, `The ${key} offset ${fmt(v)} is negative.`);
      bad = true;
    } else if (v > length) {
      log.error(
        line,
        `${r.field}.${key}`,
        `The ${key} offset ${fmt(v)} is past the end of the text, which is ${fmt(length)} ${unitName} long.`,
      );
      bad = true;
    } else if (ctx.unit === 'utf16' && index.splitsPair(v)) {
      log.error(
        line,
        `${r.field}.${key}`,
        `The ${key} offset ${fmt(v)} falls inside an emoji or other two-unit character.`,
      );
      bad = true;
    }
  }
  if (!bad && r.start > r.end) {
    log.error(
      line,
      r.field,
      `The start offset ${fmt(r.start)} comes after the end offset ${fmt(r.end)} (reversed).`,
    );
    bad = true;
  } else if (!bad && r.start === r.end) {
    log.error(line, r.field, `The span is empty: its start and end are both ${fmt(r.start)}.`);
    bad = true;
  }
  if (bad || label === null) return null;
  const start = ctx.unit === 'utf16' ? index.toCodePoint(r.start) : r.start;
  const end = ctx.unit === 'utf16' ? index.toCodePoint(r.end) : r.end;
  const slice = index.slice(start, end);
  if (r.text !== undefined && !(ctx.sameText ?? same)(r.text, slice)) {
    log.error(
      line,
      `${r.field}.text`,
      `The span's text ${excerpt(r.text)} does not match the article text at ${fmt(r.start)}–${fmt(r.end)}, which is ${excerpt(slice)}.`,
    );
    return null;
  }
  const id = r.id ?? makeSpanId(ctx.docId, ctx.annotator, start, end, label);
  const span: Span = { id, start, end, label, note: r.note ?? '' };
  return r.unsure ? { ...span, unsure: true } : span;
}

const same = (a: string, b: string): boolean => a === b;
