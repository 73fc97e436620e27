import { describe, expect, it } from 'vitest';

import { classifyDisagreements } from '../../../renderer/src/core/agreement/disagreements';
import { ImportCollector } from '../../../renderer/src/core/formats/collect';
import type { ImportOptions } from '../../../renderer/src/core/formats/import-types';
import { buildDecisions, type SourceSpan } from '../../../renderer/src/core/model/decisions';

// Issue 20: push(...list) and Math.min(...list) pass one call argument per item and threw "Maximum
// call stack size exceeded" on lists of this size (a document of a corpus-scale study or import).
const N = 200_000;

/** `n` spans of one annotator and label, each overlapping the next: one cluster of `n`. */
function chain(annotator: string, label: SourceSpan['label'], n: number, from = 0): SourceSpan[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${annotator}${i}`,
    annotator,
    label,
    start: from + 3 * i,
    end: from + 3 * i + 5,
    note: '',
  }));
}

describe('corpus-scale lists never become call arguments', { timeout: 60_000 }, () => {
  it('buildDecisions: a disagreement of 200,000 overlapping spans', () => {
    const spans = [...chain('a', 'claim', N), { ...chain('b', 'claim', 1)[0]!, end: 7 }];
    const { decisions } = buildDecisions(spans, ['a', 'b']);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.start).toBe(0);
  });

  it('buildDecisions: 200,000 agreed candidates in one cluster', () => {
    const { agreed, decisions } = buildDecisions(
      [...chain('a', 'claim', N), ...chain('b', 'claim', N)],
      ['a', 'b'],
    );
    expect(decisions).toHaveLength(0);
    expect(agreed).toHaveLength(N);
  });

  it('classifyDisagreements: an incomplete cluster of 200,000 merged into another', () => {
    const groups = classifyDisagreements(
      [{ annotator: 'b', label: 'quote', start: 0, end: 2 }, ...chain('a', 'claim', N, 1)],
      ['a', 'b'],
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.start).toBe(0);
    expect(groups[0]!.end).toBe(1 + 3 * (N - 1) + 5);
  });

  it('ImportCollector: a record repeating a set of 200,000 spans is merged', () => {
    const c = new ImportCollector('big.jsonl', {} as ImportOptions);
    const spans = chain('a', 'claim', N).map(({ annotator: _a, ...s }) => s);
    c.addSpans('d', 'a', spans, { line: 1 });
    expect(() => c.addSpans('d', 'a', spans, { line: 2 })).not.toThrow();
  });
});
