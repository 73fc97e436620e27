import { describe, expect, it } from 'vitest';

import { libraryRefresh } from '../../../renderer/src/session/library/library-refresh';

describe('libraryRefresh', () => {
  it('refreshes at once for documents and statuses, after a pause for spans, never for the rest', () => {
    expect(libraryRefresh(new Set(['documents', 'texts']))).toBe('now');
    expect(libraryRefresh(new Set(['progress']))).toBe('now');
    expect(libraryRefresh(new Set(['spans', 'spanPacks']))).toBe('settled');
    expect(libraryRefresh(new Set(['spans', 'progress']))).toBe('now');
    expect(libraryRefresh(new Set(['settings']))).toBeNull();
    expect(libraryRefresh(new Set())).toBeNull();
  });
});
