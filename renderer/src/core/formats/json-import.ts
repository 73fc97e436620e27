import type { ImportCollector } from './collect';
import { detectJsonFormat } from './detect';
import type { ImportFormat } from './import-types';
import { detectJsonlRecord, forcedJsonlFormat, importRecord } from './jsonl-import';
import { importLabelStudio } from './labelstudio-import';
import { isJsonObject, linesOf, parseJsonScanned, parseJsonSafely } from './safe-json';
import { importW3c } from './w3c-import';

/** A Label Studio task has `data`; anything else in a JSON array is a record of a JSONL dialect. */
const isLabelStudioTask = (v: unknown): boolean => isJsonObject(v) && isJsonObject(v['data']);

/**
 * A whole-JSON value: a W3C collection, Label Studio tasks (an array, or one task object), or an
 * array of records of a JSONL dialect (doccano and Prodigy also export JSON arrays), each read with
 * the line it starts on. `lines[i]` is the line of element i. O(size).
 */
export function importJsonValue(
  c: ImportCollector,
  value: unknown,
  lines: readonly number[] = [],
): ImportFormat {
  const forced = c.options.format;
  const records = Array.isArray(value) ? value : [value];
  const jsonl = forcedJsonlFormat(c);
  const w3c =
    forced === 'w3c' || (forced !== 'labelstudio' && jsonl === null && detectJsonFormat(value) === 'w3c');
  if (w3c) {
    importW3c(c, value);
    return 'w3c';
  }
  if (
    forced === 'labelstudio' ||
    (jsonl === null && (records.length === 0 || records.some(isLabelStudioTask)))
  ) {
    importLabelStudio(c, value);
    return 'labelstudio';
  }
  let format = jsonl;
  records.forEach((r, i) => {
    const line = lines[i] ?? 1;
    if (!isJsonObject(r)) {
      c.log.error(line, Array.isArray(value) ? `[${i}]` : null, 'Each record must be one JSON object { … }.');
      return;
    }
    format ??= detectJsonlRecord(r);
    importRecord(c, r, line, format);
  });
  return format ?? 'articles';
}

/** Reads a `.json` file. */
export function importJson(c: ImportCollector, text: string): ImportFormat {
  if (text.trim() === '') {
    c.log.error(null, null, 'The file contains only blank space; there is nothing to import.');
    return 'labelstudio';
  }
  const parsed = parseJsonScanned(text);
  if (!parsed.ok) {
    c.log.error(parsed.error.line ?? null, parsed.error.field, parsed.error.message);
    const f = c.options.format;
    return f === 'w3c' ? 'w3c' : 'labelstudio';
  }
  const { value, scan } = parsed.value;
  return importJsonValue(c, value, linesOf(text, scan.elementStarts));
}

/**
 * Whether a file named as JSON Lines is really one JSON value over several lines (pretty-printed
 * JSON saved as `.jsonl`): its first non-blank line is not JSON on its own, but the whole text is.
 * A W3C collection is then read as such, whatever the extension; other values are read only when
 * `options.readAs` is 'json' — otherwise ONE error says what the file is and offers that reading,
 * instead of an error per line. Returns the value to read, 'refused' when reported, or null (read
 * as JSONL). O(size).
 */
export function readsAsOneJsonValue(
  c: ImportCollector,
  text: string,
): { value: unknown; lines: number[] } | 'refused' | null {
  if (c.options.readAs !== 'json') {
    const first = text.split('\n', 64).find((l) => l.trim() !== '');
    if (first === undefined || parseJsonSafely(first).ok) return null;
  }
  const parsed = parseJsonScanned(text);
  if (!parsed.ok) {
    if (c.options.readAs !== 'json') return null;
    c.log.error(parsed.error.line ?? null, parsed.error.field, parsed.error.message);
    return 'refused';
  }
  const { value, scan } = parsed.value;
  const lines = linesOf(text, scan.elementStarts);
  if (c.options.readAs === 'json' || detectJsonFormat(value) === 'w3c') return { value, lines };
  const count = Array.isArray(value) ? value.length : 1;
  const lineCount = text.trimEnd().split('\n').length;
  c.log.error(
    null,
    null,
    `This file is one JSON value spread over ${lineCount.toLocaleString('en-US')} lines (pretty-printed JSON), not JSON Lines with one record per line. It holds ${Array.isArray(value) ? `a list of ${count.toLocaleString('en-US')} record${count === 1 ? '' : 's'}` : 'one record'}; it can be read as JSON instead.`,
  );
  c.note(null, { kind: 'read-as-json' });
  return 'refused';
}
