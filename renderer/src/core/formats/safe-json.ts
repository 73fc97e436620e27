import { err, ok, type Result } from '../result';

/** Deepest nesting of arrays/objects accepted in an imported JSON value. */
export const MAX_JSON_DEPTH = 64;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonProblem {
  readonly field: string | null;
  readonly message: string;
}

/**
 * Nesting depth of a JSON text, scanned before `JSON.parse` so a hostile file of a million `[`
 * cannot overflow the parser's stack. Strings are skipped (brackets inside them do not count).
 * Stops early once `limit` is exceeded. O(n).
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Parses one JSON value for import: depth capped at 64, and keys `__proto__`, `constructor`,
 * `prototype` refused anywhere (they are harmless in `JSON.parse` output but dangerous the moment
 * any code spreads or merges the object). O(n) in text length.
 */
export function parseJsonSafely(text: string): Result<unknown, JsonProblem> {
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    return err({
      field: null,
      message: `The data is nested more than ${MAX_JSON_DEPTH} levels deep, which Marginalia refuses as unsafe.`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err({ field: null, message: describeJsonError(text, e) });
  }
  const bad = findForbiddenKey(value);
  if (bad !== null) {
    return err({
      field: bad.path || null,
      message: `The key "${bad.key}" is not allowed (it could be used to tamper with the program).`,
    });
  }
  return ok(value);
}

function describeJsonError(text: string, e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  if (/end of (JSON )?input|Unterminated string/i.test(detail) || !/[\]}]\s*$/.test(text)) {
    return `This is not complete JSON; it looks cut off (${detail}).`;
  }
  return `This is not valid JSON (${detail}).`;
}

/** First forbidden key with its path, iteratively (depth is already bounded). */
function findForbiddenKey(root: unknown): { key: string; path: string } | null {
  const stack: { v: unknown; path: string }[] = [{ v: root, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (x !== null && typeof x === 'object') stack.push({ v: x, path: `${path}[${i}]` });
      });
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        const p = path === '' ? k : `${path}.${k}`;
        if (FORBIDDEN_KEYS.has(k)) return { key: k, path: p };
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') stack.push({ v: x, path: p });
      }
    }
  }
  return null;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
