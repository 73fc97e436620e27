import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { AgreementInput } from '../../../../renderer/src/core/agreement/types';

/** The public IAA fixtures (copied from ../shared/fixtures/iaa). */
const dir = fileURLToPath(new URL('../../../fixtures/iaa/', import.meta.url));

export interface FixtureCase extends AgreementInput {
  readonly name: string;
  readonly description: string;
  readonly documents: readonly { id: string; text: string; len_code_points: number; len_utf16: number }[];
  readonly spans: readonly {
    annotator: string;
    doc: string;
    start: number;
    end: number;
    label: string;
    text: string;
  }[];
}

export const fixtureCases: readonly FixtureCase[] = (
  JSON.parse(readFileSync(`${dir}cases-public.json`, 'utf8')) as { cases: FixtureCase[] }
).cases;

export const expectedCases: Readonly<Record<string, Record<string, unknown>>> = (
  JSON.parse(readFileSync(`${dir}expected-public.json`, 'utf8')) as {
    cases: Record<string, Record<string, unknown>>;
  }
).cases;

/**
 * Every difference between `expected` and `actual`, walking the expected JSON generically so no
 * figure is skipped: numbers within `tolerance`, null exactly, same keys in every object.
 */
export function jsonDifferences(expected: unknown, actual: unknown, path = '', tolerance = 1e-9): string[] {
  // `not_applicable` explains in words; which labels it names is the figure, not the wording.
  if (path.endsWith('unitizing.not_applicable') && expected && typeof expected === 'object') {
    return jsonDifferences(Object.keys(expected), Object.keys(actual ?? {}), `${path}(labels)`, tolerance);
  }
  if (expected === null || typeof expected !== 'object') {
    if (typeof expected === 'number' && typeof actual === 'number') {
      return Math.abs(expected - actual) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual}`];
    }
    return Object.is(expected, actual)
      ? []
      : [`${path}: expected ${String(expected)}, got ${String(actual)}`];
  }
  if (actual === null || typeof actual !== 'object')
    return [`${path}: expected an object, got ${String(actual)}`];
  if (Array.isArray(expected) !== Array.isArray(actual)) return [`${path}: array/object mismatch`];
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const out: string[] = [];
  const ek = Object.keys(e);
  const ak = Object.keys(a);
  for (const k of ak) if (!ek.includes(k)) out.push(`${path}.${k}: unexpected key`);
  for (const k of ek) {
    if (!Object.hasOwn(a, k)) out.push(`${path}.${k}: missing`);
    else out.push(...jsonDifferences(e[k], a[k], path ? `${path}.${k}` : k, tolerance));
  }
  return out;
}
