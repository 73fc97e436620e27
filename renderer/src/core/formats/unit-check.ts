import type { CodePointIndex } from '../text/code-points';
import type { ImportCollector } from './collect';
import type { OffsetUnit } from './import-types';
import { excerpt, type RawSpan } from './span-rules';

const TOOL: Readonly<Record<'doccano' | 'labelstudio' | 'w3c', string>> = {
  doccano: "the unit doccano's editor counts",
  labelstudio: 'the unit Label Studio 1.5 and later writes',
  w3c: 'the unit the W3C Recommendation prescribes',
};

const unitWords = (u: OffsetUnit): string => (u === 'utf16' ? 'UTF-16 code units' : 'code points');

/** The text at [start, end) counted in `unit`, or null when those offsets do not fit the text. */
function sliceIn(index: CodePointIndex, unit: OffsetUnit, start: number, end: number): string | null {
  if (!(0 <= start && start < end)) return null;
  if (unit === 'codepoint') return end <= index.codePointLength ? index.slice(start, end) : null;
  if (end > index.utf16Length || index.splitsPair(start) || index.splitsPair(end)) return null;
  return index.text.slice(start, end);
}

/**
 * Where a file cannot prove its offset unit — spans without their text, in a text with characters
 * outside the Basic Multilingual Plane, where the two units differ — says once per file which unit
 * was assumed and what the first span that differs would be in the other, and offers the other.
 * O(spans) until the first such span.
 */
export function noteAssumedUnit(
  c: ImportCollector,
  format: 'doccano' | 'labelstudio' | 'w3c',
  unit: OffsetUnit,
  index: CodePointIndex,
  raw: readonly RawSpan[],
  line: number | null,
): void {
  if (index.utf16Length === index.codePointLength || c.hasUnitOffer(format)) return;
  const other: OffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16';
  for (const r of raw) {
    if (r.text !== undefined) continue;
    const here = sliceIn(index, unit, r.start, r.end);
    const there = sliceIn(index, other, r.start, r.end);
    if (here === null || here === there) continue;
    const where = `${line === null ? '' : `line ${line}, `}${r.field}`;
    const otherReading = there === null ? 'would not fit the text' : `would be ${excerpt(there)}`;
    c.note(
      `Offsets were read as ${unitWords(unit)}, ${TOOL[format]}. This file has characters outside the Basic Multilingual Plane (such as emoji) and its spans carry no text to confirm the unit: read as ${unitWords(other)}, the span at ${where} ${otherReading} instead of ${excerpt(here)}.`,
      { kind: 'unit', format, assumed: unit, other },
    );
    return;
  }
}
