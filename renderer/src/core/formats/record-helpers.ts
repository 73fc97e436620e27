import { z } from 'zod';
import { CodePointIndex } from '../text/code-points';
import type { ImportCollector } from './collect';
import { isJsonObject } from './safe-json';
import { textProblem } from './text-rules';
import { describeIssue } from './zod-messages';

/** Offsets: any safe integer here; the range rules (0 ≤ start < end ≤ length) give better messages. */
export const offset = z.int();

/** A free-form JSON object (meta). */
export const jsonObject = z.custom<Record<string, unknown>>(isJsonObject, {
  message: 'This should be an object { … }.',
});

/**
 * Checks `value` against `schema`, logging every issue with the line and a field path under
 * `prefix`. Returns the parsed value, or null when anything failed.
 */
export function check<T>(
  c: ImportCollector,
  schema: z.ZodType<T>,
  value: unknown,
  line: number | null,
  prefix = '',
): T | null {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const { field, message } = describeIssue(issue);
    const full =
      prefix && field
        ? field.startsWith('[')
          ? `${prefix}${field}`
          : `${prefix}.${field}`
        : prefix || field;
    c.log.error(line, full || null, message);
  }
  return null;
}

/** Keys of `obj` not in `known`, in file order. */
export function unknownKeys(obj: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  return Object.keys(obj).filter((k) => !known.has(k));
}

/** Logs one "unknown key dropped" warning per key. */
export function warnDropped(
  c: ImportCollector,
  line: number | null,
  keys: readonly string[],
  prefix = '',
): void {
  for (const k of keys) {
    const field = prefix ? `${prefix}.${k}` : k;
    c.log.warn(line, field, `The unknown key "${k}" was dropped.`);
  }
}

/**
 * Validates an article text from a record and returns its index, or null after logging why it
 * cannot be stored (empty, NUL, lone surrogate, too long).
 */
export function checkText(
  c: ImportCollector,
  text: string,
  line: number | null,
  field = 'text',
): CodePointIndex | null {
  if (text === '') {
    c.log.error(line, field, 'The article text is empty.');
    return null;
  }
  const problem = textProblem(text);
  if (problem) {
    c.log.error(line, field, problem);
    return null;
  }
  return new CodePointIndex(text);
}
