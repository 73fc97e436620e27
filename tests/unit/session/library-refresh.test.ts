import { describe, expect, it, vi } from 'vitest';

import { libraryRefresh, RefreshGate } from '../../../renderer/src/session/library/library-refresh';

describe('libraryRefresh', () => {
  it('refreshes at once for documents and statuses, after a pause for spans, never for the rest', () => {
    expect(libraryRefresh(new Set(['documents', 'texts']))).toBe('now');
    expect(libraryRefresh(new Set(['progress']))).toBe('now');
    expect(libraryRefresh(new Set(['batches', 'batchIndex']))).toBe('now');
    expect(libraryRefresh(new Set(['spans', 'spanPacks']))).toBe('settled');
    expect(libraryRefresh(new Set(['spans', 'progress']))).toBe('now');
    expect(libraryRefresh(new Set(['settings']))).toBeNull();
    expect(libraryRefresh(new Set())).toBeNull();
  });
});

describe('RefreshGate', () => {
  it('re-reads once for a burst of changes during a read, and rests as long as the read took', async () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const reads: number[] = [];
      let finish: () => void = () => undefined;
      const gate = new RefreshGate(
        () =>
          new Promise<void>((resolve) => {
            reads.push(clock);
            finish = () => resolve();
          }),
        () => clock,
      );
      gate.request();
      expect(reads).toEqual([0]);
      // Twenty pages of a pull commit while the first read runs: one more read, not twenty.
      for (let i = 0; i < 20; i++) gate.request();
      clock = 400;
      finish();
      await vi.advanceTimersByTimeAsync(0);
      expect(reads).toEqual([0]);
      clock = 799;
      await vi.advanceTimersByTimeAsync(399);
      expect(reads).toEqual([0]);
      clock = 800;
      await vi.advanceTimersByTimeAsync(1);
      expect(reads).toEqual([0, 800]);
      // The last change is always read: nothing pending, nothing read; a change, one read.
      clock = 900;
      finish();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(reads).toEqual([0, 800]);
      clock = 5_000;
      gate.request();
      expect(reads).toEqual([0, 800, 5_000]);
      gate.close();
      gate.request();
      finish();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(reads).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
