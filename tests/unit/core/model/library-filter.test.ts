import { describe, expect, it } from 'vitest';

import {
  EMPTY_QUERY,
  filterLibrary,
  libraryScrollTarget,
  textContains,
} from '../../../../renderer/src/core/model/library-filter';
import { isOnly, onlyLabel, toggleLabel } from '../../../../renderer/src/core/model/label-filter';
import type { DocStatus } from '../../../../renderer/src/core/model/status';

const e = (id: string, title: string, status: DocStatus = 'todo') => ({ id, title, status });
const entries = [e('a', 'Budget talks'), e('b', 'Rail strike', 'done'), e('c', 'Budget vote', 'in_progress')];

describe('library filter (issue 19, search)', () => {
  it('title case-insensitively, article text by the search’s ids, status, annotator; all must hold', () => {
    expect(filterLibrary(entries, EMPTY_QUERY, null, null).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    const budget = { ...EMPTY_QUERY, words: '  BUDGET ' };
    expect(filterLibrary(entries, budget, null, null).map((x) => x.id)).toEqual(['a', 'c']);
    // The text search found "budget" in b's article too.
    expect(filterLibrary(entries, budget, new Set(['b']), null).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(filterLibrary(entries, { ...budget, status: 'in_progress' }, null, null).map((x) => x.id)).toEqual(
      ['c'],
    );
    const bob = { ...EMPTY_QUERY, annotator: 'bob' };
    // Until the annotator's documents are known, nothing is claimed to match.
    expect(filterLibrary(entries, bob, null, null)).toEqual([]);
    expect(filterLibrary(entries, bob, null, new Set(['b', 'c'])).map((x) => x.id)).toEqual(['b', 'c']);
    expect(textContains('The İstanbul Budget', 'budget')).toBe(true);
  });

  it('while filtering the first match is brought into view, not the open document', () => {
    const shown = [e('x', 'X'), e('y', 'Y'), e('z', 'Z')];
    expect(libraryScrollTarget(shown, 'z', true)).toBe(0);
    expect(libraryScrollTarget(shown, 'z', false)).toBe(2);
    expect(libraryScrollTarget([], 'z', true)).toBe(-1);
  });
});

describe('span list label chips', () => {
  it('"only" shows just one label, and pressed again every label; a chip toggles one', () => {
    const only = onlyLabel(new Set(), 'figure');
    expect([...only].sort()).toEqual(['claim', 'quote', 'speculation']);
    expect(isOnly(only, 'figure')).toBe(true);
    expect(isOnly(only, 'claim')).toBe(false);
    expect(onlyLabel(only, 'figure').size).toBe(0);
    expect([...onlyLabel(only, 'claim')].sort()).toEqual(['figure', 'quote', 'speculation']);
    expect([...toggleLabel(new Set(), 'quote')]).toEqual(['quote']);
    expect(toggleLabel(new Set(['quote'] as const), 'quote').size).toBe(0);
  });
});
