import { err, ok, type Result } from '../result';

/** Deepest nesting of arrays/objects accepted in an imported JSON value. */
export const MAX_JSON_DEPTH = 64;

export interface JsonProblem {
  readonly field: string | null;
  readonly message: string;
  /** 1-based line within the parsed text, when it has several lines and the place is known. */
  readonly line?: number;
}

interface Frame {
  readonly obj: boolean;
  key: string | null;
  index: number;
  expectKey: boolean;
  keys: string[] | Set<string> | null;
}

interface KeyFinding {
  readonly key: string;
  readonly path: string;
  readonly offset: number;
}

export interface JsonScan {
  readonly tooDeep: boolean;
  /** First key that appears twice in one object (JSON.parse would silently keep the last). */
  readonly duplicate: KeyFinding | null;
  /** First `__proto__` key: harmless in JSON.parse output, dangerous once any code merges it. */
  readonly proto: KeyFinding | null;
  /** Offsets where the elements of a top-level array that are objects or arrays begin. */
  readonly elementStarts: readonly number[];
}

/** Adds `key` to the object's keys; false when it was already there. Small objects use an array. */
function addKey(f: Frame, key: string): boolean {
  if (f.keys === null) f.keys = [];
  if (Array.isArray(f.keys)) {
    if (f.keys.includes(key)) return false;
    f.keys.push(key);
    if (f.keys.length > 16) f.keys = new Set(f.keys);
    return true;
  }
  if (f.keys.has(key)) return false;
  f.keys.add(key);
  return true;
}

function pathOf(stack: readonly Frame[], key: string): string {
  let out = '';
  stack.forEach((f, i) => {
    const part = i === stack.length - 1 ? key : f.obj ? f.key : null;
    if (!f.obj && i < stack.length - 1) out += `[${f.index}]`;
    else if (part !== null) out += out === '' ? part : `.${part}`;
  });
  return out;
}

/** Index of the quote closing the string whose opening quote is at `open` (n when unterminated). */
function stringEnd(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let b = q - 1; b > open && text.charCodeAt(b) === 0x5c; b--) backslashes++;
    if (backslashes % 2 === 0) return q;
    from = q + 1;
  }
}

/**
 * One pass over a JSON text before `JSON.parse`: nesting depth (so a hostile file of a million `[`
 * cannot overflow the parser's stack), keys repeated within one object, and `__proto__` keys, each
 * with its path. Strings are skipped with `indexOf`, so long article texts cost little. Assumes
 * well-formed JSON for the key findings; `JSON.parse` reports anything malformed. O(n).
 */
export function scanJson(text: string, limit: number = MAX_JSON_DEPTH): JsonScan {
  const stack: Frame[] = [];
  let duplicate: KeyFinding | null = null;
  let proto: KeyFinding | null = null;
  const elementStarts: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.obj && top.expectKey) {
        let key = text.slice(i + 1, end);
        if (key.includes('\\')) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            // Malformed; JSON.parse says so with its position.
          }
        }
        if (key === '__proto__' && proto === null) proto = { key, path: pathOf(stack, key), offset: i };
        if (!addKey(top, key) && duplicate === null) duplicate = { key, path: pathOf(stack, key), offset: i };
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (stack.length >= limit) return { tooDeep: true, duplicate, proto, elementStarts };
      if (stack.length === 1 && !(stack[0] as Frame).obj) elementStarts.push(i);
      stack.push({ obj: c === 0x7b, key: null, index: 0, expectKey: c === 0x7b, keys: null });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.obj) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return { tooDeep: false, duplicate, proto, elementStarts };
}

/** 1-based lines of ascending UTF-16 offsets, in one pass. */
export function linesOf(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let nl = text.indexOf('\n');
  for (const at of offsets) {
    while (nl >= 0 && nl < at) {
      line++;
      nl = text.indexOf('\n', nl + 1);
    }
    out.push(line);
  }
  return out;
}

/** 1-based line of UTF-16 offset `at`, or undefined for one-line text. */
function lineAt(text: string, at: number): number | undefined {
  if (!text.includes('\n')) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Parses one JSON value for import: depth capped at 64; a key repeated within one object is refused
 * (JSON.parse keeps the last one silently, so data would vanish); a `__proto__` key is refused (it
 * could change an object's prototype the moment any code merges the object). `constructor` and
 * `prototype` are ordinary keys: JSON.parse makes them own data properties, and nothing here merges
 * by assignment. O(n) in text length.
 */
export function parseJsonSafely(text: string): Result<unknown, JsonProblem> {
  const r = parseJsonScanned(text);
  return r.ok ? ok(r.value.value) : r;
}

/** `parseJsonSafely`, also returning the scan (for the offsets of a top-level array's elements). */
export function parseJsonScanned(text: string): Result<{ value: unknown; scan: JsonScan }, JsonProblem> {
  const scan = scanJson(text);
  if (scan.tooDeep) {
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
  const at = (f: KeyFinding) => {
    const line = lineAt(text, f.offset);
    return line === undefined ? {} : { line };
  };
  if (scan.proto) {
    return err({
      field: scan.proto.path,
      message: 'The key "__proto__" is not allowed (it could be used to tamper with the program).',
      ...at(scan.proto),
    });
  }
  if (scan.duplicate) {
    return err({
      field: scan.duplicate.path,
      message: `The key ${JSON.stringify(scan.duplicate.key)} appears twice in the same object; JSON readers keep only the last value, so one would be lost silently.`,
      ...at(scan.duplicate),
    });
  }
  return ok({ value, scan });
}

function describeJsonError(text: string, e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  if (/end of (JSON )?input|Unterminated string/i.test(detail) || !/[\]}]\s*$/.test(text)) {
    return `This is not complete JSON; it looks cut off (${detail}).`;
  }
  return `This is not valid JSON (${detail}).`;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
