import type { ImportCollector } from './collect';
import { importDoccanoRecord } from './doccano-import';
import type { ImportFormat } from './import-types';
import { importJsonValue, readsAsOneJsonValue } from './json-import';
import { importNativeRecord } from './native-import';
import { importArticleRecord, PRODIGY_TASK_KEYS } from './article-import';
import { isJsonObject, parseJsonSafely } from './safe-json';

export type JsonlFormat = 'native' | 'articles' | 'spacy' | 'doccano';

/** Which JSONL dialect a record belongs to, from its keys. O(keys). */
export function detectJsonlRecord(obj: Record<string, unknown>): JsonlFormat {
  if ('schema_version' in obj) return 'native';
  if (PRODIGY_TASK_KEYS.some((k) => k in obj)) return 'spacy';
  if (Array.isArray(obj['spans']) && obj['spans'].some((s) => isJsonObject(s) && 'token_start' in s))
    return 'spacy';
  if (Array.isArray(obj['label']) || Array.isArray(obj['entities'])) return 'doccano';
  return 'articles';
}

/** The dialect `options.format` forces, if it names one. */
export function forcedJsonlFormat(c: ImportCollector): JsonlFormat | null {
  const forced = c.options.format;
  return forced === 'native' || forced === 'articles' || forced === 'spacy' || forced === 'doccano'
    ? forced
    : null;
}

/** One record of a dialect (a JSONL line, or an element of a JSON array of records). */
export function importRecord(
  c: ImportCollector,
  value: Record<string, unknown>,
  line: number,
  format: JsonlFormat,
): void {
  if (format === 'native') importNativeRecord(c, value, line);
  else if (format === 'doccano') importDoccanoRecord(c, value, line);
  else importArticleRecord(c, value, line, format);
}

/**
 * Reads a JSONL file record by record. The dialect is fixed by the first record (or by
 * `options.format`); each line is parsed on its own, so one bad line is reported with its number
 * and the others are still checked. Blank lines are skipped. A file that is one JSON value spread
 * over several lines is recognised (see `readsAsOneJsonValue`) instead of reported line by line.
 * O(total size).
 */
export function importJsonl(
  c: ImportCollector,
  text: string,
  onProgress?: (fraction: number) => void,
): ImportFormat {
  const whole = readsAsOneJsonValue(c, text);
  if (whole === 'refused') return forcedJsonlFormat(c) ?? 'articles';
  if (whole) return importJsonValue(c, whole.value, whole.lines);
  let format = forcedJsonlFormat(c);
  const lines = text.split('\n');
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (onProgress && i % 2000 === 0) onProgress(i / lines.length);
    if (raw.trim() === '') continue;
    const lineNo = i + 1;
    const parsed = parseJsonSafely(raw);
    if (!parsed.ok) {
      const last = i === lines.length - 1 || lines.slice(i + 1).every((l) => l.trim() === '');
      const cut =
        last && /cut off/.test(parsed.error.message)
          ? ' It is the last line: the file may be truncated.'
          : '';
      c.log.error(lineNo, parsed.error.field, `${parsed.error.message}${cut}`);
      continue;
    }
    const value = parsed.value;
    if (!isJsonObject(value)) {
      c.log.error(lineNo, null, 'Each line must be one JSON object { … }.');
      continue;
    }
    records++;
    format ??= detectJsonlRecord(value);
    importRecord(c, value, lineNo, format);
  }
  if (records === 0 && !c.log.hasErrors) {
    c.log.error(
      null,
      null,
      text.trim() === ''
        ? 'The file contains only blank space; there is nothing to import.'
        : 'The file has no records.',
    );
  }
  return format ?? 'articles';
}
