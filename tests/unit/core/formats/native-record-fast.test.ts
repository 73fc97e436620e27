import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { NativeRecord } from '../../../../renderer/src/core/formats/native-import';
import { fastNativeRecord } from '../../../../renderer/src/core/formats/native-record-fast';

/**
 * The zod-free check of a native record (issue 20) may only ever say yes where zod says yes, and then
 * give what zod gives: any record it accepts parses under zod to the same value.
 */
const anyValue = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', ' alice ', 'todo', 'in_progress', 'done', 'Done'),
  fc.integer(),
  fc.constantFrom(1.5, -0, 2 ** 53, -(2 ** 53), 1e300),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
);
/** Mostly valid, sometimes anything: both sides of the check are reached. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anyValue, weight: 1 });
const intish = mostly(fc.nat(300));
const span = fc.record(
  {
    id: mostly(fc.constantFrom('s1', '')),
    start: intish,
    end: intish,
    start_utf16: intish,
    end_utf16: intish,
    label: mostly(fc.constant('claim')),
    text: mostly(fc.string()),
    note: mostly(fc.string()),
    unsure: mostly(fc.boolean()),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const record = fc.record(
  {
    schema_version: mostly(fc.constant(1)),
    doc_id: mostly(fc.constant('sha256:00')),
    title: mostly(fc.string()),
    text: mostly(fc.string()),
    annotator: mostly(fc.constantFrom('alice', ' bob ', '\t', '\u00a0x')),
    status: mostly(fc.constantFrom('todo', 'in_progress', 'done')),
    spans: mostly(fc.array(span, { maxLength: 3 })),
    meta: mostly(fc.constant({ a: 1 })),
    extra: anyValue,
  },
  { requiredKeys: ['schema_version', 'doc_id', 'title', 'text', 'annotator', 'status', 'spans'] },
);

describe('fastNativeRecord', () => {
  it('accepts only what zod accepts, and returns what zod returns', () => {
    let accepted = 0;
    fc.assert(
      fc.property(record, (obj) => {
        const fast = fastNativeRecord(obj);
        const slow = NativeRecord.safeParse(obj);
        if (fast === null) return;
        accepted++;
        expect(slow.success).toBe(true);
        expect(fast).toEqual(slow.data);
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the accepting side often enough for the property to mean something.
    expect(accepted).toBeGreaterThan(20);
  });

  it('accepts the records an export writes', () => {
    const obj = JSON.parse(
      '{"schema_version":1,"doc_id":"sha256:ab","title":"T","text":"Hello","annotator":" alice ","status":"done","spans":[{"id":"s1","start":0,"end":5,"start_utf16":0,"end_utf16":5,"label":"claim","text":"Hello","note":"","unsure":true}],"meta":{"k":[1]}}',
    ) as Record<string, unknown>;
    expect(fastNativeRecord(obj)).toEqual(NativeRecord.parse(obj));
    expect(fastNativeRecord(obj)?.annotator).toBe('alice');
  });
});
