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

/**
 * Serialises one record as one JSON line (no trailing newline). Key order is fixed and spans are in
 * (start, end, label, id) order, so the output is byte-for-byte deterministic for the same data.
 * Every span's text is sliced in code points from the stored text; O(n log k) for n spans.
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
    const out: Record<string, unknown> = { id: s.id, start: s.start, end: s.end };
    if (input.withUtf16) {
      out['start_utf16'] = idx.toUtf16(s.start);
      out['end_utf16'] = idx.toUtf16(s.end);
    }
    out['label'] = s.label;
    out['text'] = idx.slice(s.start, s.end);
    out['note'] = s.note;
    if (s.unsure) out['unsure'] = true;
    return out;
  });
  return JSON.stringify({
    schema_version: NATIVE_SCHEMA_VERSION,
    doc_id: doc.id,
    title: doc.title,
    text: doc.text,
    annotator: input.annotator,
    status: input.status,
    spans,
    meta: sortKeys(doc.meta),
  });
}

/** Joins records into a JSONL file body: LF after every line, no BOM. */
export function joinJsonl(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
