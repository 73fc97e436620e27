import { z } from 'zod';
import { STATUSES } from '../model/status';
import type { CodePointIndex } from '../text/code-points';
import { documentIdForText } from '../text/text-hash';
import type { ImportCollector } from './collect';
import { NATIVE_SCHEMA_VERSION } from './native';
import { importNativeLink } from './native-links';
import { importNativeProject, PROJECT_RECORD } from './native-project';
import { fastNativeRecord } from './native-record-fast';
import { check, checkText, jsonObject, offset, unknownKeys, warnDropped } from './record-helpers';
import { validateSpans, type RawSpan } from './span-rules';

const NativeSpan = z.looseObject({
  id: z.string().min(1),
  start: offset,
  end: offset,
  start_utf16: offset.optional(),
  end_utf16: offset.optional(),
  label: z.string(),
  text: z.string().optional(),
  note: z.string().optional(),
  unsure: z.boolean().optional(),
});

export const NativeRecord = z.looseObject({
  schema_version: z.number(),
  doc_id: z.string(),
  title: z.string(),
  text: z.string(),
  annotator: z.string().trim().min(1),
  status: z.enum(STATUSES),
  spans: z.array(NativeSpan),
  meta: jsonObject.optional(),
});

export type NativeRecordData = z.output<typeof NativeRecord>;

const RECORD_KEYS = new Set(Object.keys(NativeRecord.shape));
const SPAN_KEYS = new Set(Object.keys(NativeSpan.shape));

/**
 * One line of Marginalia's native JSONL (docs/format.md): a document line, or a link line
 * (`"record":"link"`, native-links.ts). `doc_id` must be the sha256 of `text`;
 * unknown top-level keys are kept under `meta`; `start_utf16`/`end_utf16`, when present, must agree
 * with the code point offsets. O(text + spans·log k).
 */
export function importNativeRecord(c: ImportCollector, obj: Record<string, unknown>, line: number): void {
  if (obj['schema_version'] !== NATIVE_SCHEMA_VERSION) {
    c.log.error(
      line,
      'schema_version',
      `This record says it is native format version ${JSON.stringify(obj['schema_version'])}; this Marginalia reads version ${NATIVE_SCHEMA_VERSION}.`,
    );
    return;
  }
  if (obj['record'] === PROJECT_RECORD) {
    importNativeProject(c, obj, line);
    return;
  }
  if ('record' in obj) {
    importNativeLink(c, obj, line);
    return;
  }
  const rec = fastNativeRecord(obj) ?? check(c, NativeRecord, obj, line);
  if (!rec) return;
  const index = checkText(c, rec.text, line);
  if (!index) return;
  const id = documentIdForText(rec.text);
  if (id !== rec.doc_id) {
    c.log.error(
      line,
      'doc_id',
      'The doc_id does not match the text (the text was changed after it was exported).',
    );
    return;
  }
  const extra = unknownKeys(obj, RECORD_KEYS);
  const meta: Record<string, unknown> = { ...(rec.meta ?? {}) };
  for (const k of extra) {
    meta[k] = obj[k];
    c.log.warn(line, k, `The unknown key "${k}" was kept under "meta".`);
  }
  const raw: RawSpan[] = rec.spans.map((s, i) => {
    warnDropped(c, line, unknownKeys(s, SPAN_KEYS), `spans[${i}]`);
    if (s.start_utf16 !== undefined || s.end_utf16 !== undefined) c.nativeWithUtf16 = true;
    return {
      id: s.id,
      start: s.start,
      end: s.end,
      label: s.label,
      text: s.text,
      note: s.note,
      unsure: s.unsure,
      field: `spans[${i}]`,
    };
  });
  const spans = validateSpans(raw, {
    index,
    line,
    log: c.log,
    labels: c.labels,
    unit: 'codepoint',
    docId: rec.doc_id,
    annotator: rec.annotator,
  });
  rec.spans.forEach((s, i) => {
    checkUtf16(c, line, index, i, 'start_utf16', s.start_utf16, s.start);
    checkUtf16(c, line, index, i, 'end_utf16', s.end_utf16, s.end);
  });
  const doc = c.addDocument(rec.text, {
    title: rec.title,
    meta,
    source: `${c.file}:${line}`,
    id,
    length: index.codePointLength,
  });
  c.addSpans(doc.id, rec.annotator, spans, { line, status: rec.status, recordMeta: meta });
}

/**
 * A span's optional UTF-16 offset must agree with its code point offset. Called per field rather
 * than looping over [key, value] pairs, which built three arrays a span on the import's hot path.
 */
function checkUtf16(
  c: ImportCollector,
  line: number,
  index: CodePointIndex,
  i: number,
  key: 'start_utf16' | 'end_utf16',
  u: number | undefined,
  cp: number,
): void {
  if (u === undefined || cp < 0 || cp > index.codePointLength) return;
  if (u !== index.toUtf16(cp)) {
    c.log.error(
      line,
      `spans[${i}].${key}`,
      `${key} is ${u}, but the code point offset ${cp} is UTF-16 offset ${index.toUtf16(cp)}.`,
    );
  }
}
