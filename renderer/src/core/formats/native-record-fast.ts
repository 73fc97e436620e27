import { isStatus } from '../model/status';
import type { NativeRecordData } from './native-import';
import { isJsonObject } from './safe-json';

/**
 * The native record check without zod for the common case (issue 20): zod's `safeParse` of a record
 * was a quarter of a 100,000-line import's parsing. Accepts exactly when every field has the type
 * `NativeRecord` asks for, and returns what zod's parse returns for it where the importer reads it
 * (the annotator trimmed, the spans as in the file); anything else returns null and the caller asks
 * zod, whose messages the report shows. Proven against zod: tests/unit/core/formats/native-record-fast.test.ts.
 */
const optional = (v: unknown, ok: (v: unknown) => boolean): boolean => v === undefined || ok(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): boolean => Number.isSafeInteger(v);
const isBool = (v: unknown): boolean => typeof v === 'boolean';

function isSpan(s: unknown): boolean {
  if (!isJsonObject(s)) return false;
  const id = s['id'];
  return (
    isString(id) &&
    id.length > 0 &&
    isInt(s['start']) &&
    isInt(s['end']) &&
    optional(s['start_utf16'], isInt) &&
    optional(s['end_utf16'], isInt) &&
    isString(s['label']) &&
    optional(s['text'], isString) &&
    optional(s['note'], isString) &&
    optional(s['unsure'], isBool)
  );
}

export function fastNativeRecord(obj: Record<string, unknown>): NativeRecordData | null {
  const annotator = obj['annotator'];
  const spans = obj['spans'];
  if (
    typeof obj['schema_version'] !== 'number' ||
    !isString(obj['doc_id']) ||
    !isString(obj['title']) ||
    !isString(obj['text']) ||
    !isString(annotator) ||
    annotator.trim() === '' ||
    !isStatus(obj['status']) ||
    !Array.isArray(spans) ||
    !spans.every(isSpan) ||
    !optional(obj['meta'], isJsonObject)
  )
    return null;
  // The record itself when nothing changes (no copy of 8 fields per line); the importer only reads it.
  const trimmed = annotator.trim();
  return (trimmed === annotator ? obj : { ...obj, annotator: trimmed }) as NativeRecordData;
}
