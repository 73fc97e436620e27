import type { ArticleDocument } from '../model/document';
import type { DocStatus } from '../model/status';
import { compareSpans, type Span } from '../model/span';
import { CodePointIndex } from '../text/code-points';
import { sortKeys } from './canonical';

/** Version of the native JSONL format written by this code; see docs/format.md. */
export const NATIVE_SCHEMA_VERSION = 1;

/** One line of a native export: one (document, annotator). */
export interface NativeRecordInput {
  /** Only these fields are written; a full `ArticleDocument` fits. */
  readonly document: Pick<ArticleDocument, 'id' | 'title' | 'text' | 'meta'>;
  readonly annotator: string;
  readonly status: DocStatus;
  readonly spans: readonly Span[];
  /** Also write UTF-16 offsets beside the code point ones (for INCEpTION/UIMA, browsers). */
  readonly withUtf16?: boolean;
}

export class SpanTextMismatch extends Error {}

/** `,"key":value` as `JSON.stringify` writes an object's property, or nothing for a value it leaves out. */
function jsonField(key: string, value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? '' : `,"${key}":${json}`;
}

/**
 * A record's document part, the same for each of its annotators: its text escaped once, not once per
 * record (a corpus export writes each document for 3 annotators).
 */
export interface NativeDocumentJson {
  /** From `{` to the text's value. */
  readonly head: string;
  /** The meta (keys sorted) and the closing `}`. */
  readonly tail: string;
}

export function nativeDocumentJson(doc: NativeRecordInput['document']): NativeDocumentJson {
  return {
    head: `{"schema_version":${NATIVE_SCHEMA_VERSION}${jsonField('doc_id', doc.id)}${jsonField('title', doc.title)}${jsonField('text', doc.text)}`,
    tail: `${jsonField('meta', sortKeys(doc.meta))}}`,
  };
}

/**
 * One span as a record writes it, its offsets already checked against `idx`; the text is sliced in
 * code points from the stored text.
 */
export function nativeSpanJson(s: Span, idx: CodePointIndex, withUtf16: boolean): string {
  const utf16 = withUtf16 ? `,"start_utf16":${idx.toUtf16(s.start)},"end_utf16":${idx.toUtf16(s.end)}` : '';
  const text = JSON.stringify(idx.slice(s.start, s.end));
  const id = JSON.stringify(s.id) as string | undefined;
  return `{${id === undefined ? '' : `"id":${id},`}"start":${s.start},"end":${s.end}${utf16}${jsonField('label', s.label)},"text":${text}${jsonField('note', s.note)}${s.unsure ? ',"unsure":true' : ''}}`;
}

/** A whole record line from its document part and its spans' JSON (already in record order). */
export function nativeRecordJson(
  doc: NativeDocumentJson,
  annotator: string,
  status: DocStatus,
  spans: readonly string[],
): string {
  return `${doc.head}${jsonField('annotator', annotator)}${jsonField('status', status)},"spans":[${spans.join(',')}]${doc.tail}`;
}

/**
 * Serialises one record as one JSON line (no trailing newline). Key order is fixed and spans are in
 * (start, end, label, id) order, so the output is byte-for-byte deterministic for the same data.
 * Every span's text is sliced in code points from the stored text; O(n log k) for n spans. Written
 * in pieces (nativeDocumentJson, nativeSpanJson) that the corpus export reuses, so both give the
 * bytes `JSON.stringify` gives for the record object.
 */
export function serializeNativeRecord(input: NativeRecordInput, index?: CodePointIndex): string {
  const { document: doc } = input;
  const idx = index ?? new CodePointIndex(doc.text);
  const spans = [...input.spans].sort(compareSpans).map((s) => {
    if (!(
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      0 <= s.start &&
      s.start < s.end &&
      s.end <= idx.codePointLength
    )) {
      throw new SpanTextMismatch(
        `Span ${s.id} of "${doc.title}" has offsets ${s.start}–${s.end} outside the text.`,
      );
    }
    return nativeSpanJson(s, idx, input.withUtf16 ?? false);
  });
  return nativeRecordJson(nativeDocumentJson(doc), input.annotator, input.status, spans);
}

/** Joins records into a JSONL file body: LF after every line, no BOM. */
export function joinJsonl(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
