import type { ImportCollector } from './collect';
import { importDoccanoRecord } from './doccano-import';
import type { ImportFormat } from './import-types';
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

/**
 * Reads a JSONL file record by record. The dialect is fixed by the first record (or by
 * `options.format`); each line is parsed on its own, so one bad line is reported with its number
 * and the others are still checked. Blank lines are skipped. O(total size).
 */
export function importJsonl(
  c: ImportCollector,
  text: string,
  onProgress?: (fraction: number) => void,
): ImportFormat {
  const forced = c.options.format;
  let format: JsonlFormat | null =
    forced === 'native' || forced === 'articles' || forced === 'spacy' || forced === 'doccano'
      ? forced
      : null;
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
    if (format === 'native') importNativeRecord(c, value, lineNo);
    else if (format === 'doccano') importDoccanoRecord(c, value, lineNo);
    else importArticleRecord(c, value, lineNo, format);
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
