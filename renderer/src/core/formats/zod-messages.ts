import type { z } from 'zod';
import { fieldPath } from './problems';

/**
 * A zod issue in words a non-programmer understands ("should be a whole number", not
 * "invalid_type"). The field is reported separately, so messages do not repeat it.
 */
export function describeIssue(issue: z.core.$ZodIssue): { field: string | null; message: string } {
  const field = fieldPath(issue.path);
  return { field, message: issueMessage(issue) };
}

const KIND: Readonly<Record<string, string>> = {
  string: 'text in quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
};

function received(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isInteger(input) ? 'a whole number' : `the fraction ${input}`;
  return typeof input === 'object' ? 'an object' : typeof input;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This field is required but missing.';
      return `This should be ${KIND[issue.expected] ?? issue.expected} but is ${received(issue.input)}.`;
    case 'too_big':
      if (issue.origin === 'int' || issue.origin === 'number') {
        return 'This number is too large (offsets must be whole numbers below 9,007,199,254,740,992).';
      }
      return `This has too many items (at most ${String(issue.maximum)}).`;
    case 'too_small':
      if (issue.origin === 'int' || issue.origin === 'number') {
        return `This number must be at least ${String(issue.minimum)}.`;
      }
      if (issue.origin === 'string') return 'This must not be empty.';
      return `This needs at least ${String(issue.minimum)} items.`;
    case 'invalid_value':
      return `This must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_format':
      return 'This is not in the expected format.';
    case 'unrecognized_keys':
      return `Unknown keys: ${issue.keys.join(', ')}.`;
    default:
      return issue.message;
  }
}
