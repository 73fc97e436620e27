import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

import { classifyStorageError, isFatalWriteError, type StorageProblem } from '../db/storage-errors';
import type { WriteGate } from './commands/write-queue';

interface ReadOnlyState {
  /** Set once a write failed in a way later writes will too (disk full, I/O error, closed). */
  problem: StorageProblem | null;
  /** Classifies a failed write; a fatal one switches the whole app to read-only. */
  report(error: unknown): StorageProblem;
  /** Switches to read-only for a reason found outside a write (another window upgraded). */
  enter(problem: StorageProblem): void;
  /** The gate the write queue checks once per command: stable, and current at call time. */
  gate: WriteGate;
}

const ReadOnlyContext = createContext<ReadOnlyState | null>(null);

/**
 * After a quota or I/O failure every further write would fail too, and a half-applied burst of
 * commands is worse than none: the app refuses annotation actions with the same plain message,
 * keeps reading and exporting, and never retries behind the user's back.
 */
export function ReadOnlyProvider({ children }: { children: ReactNode }) {
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  // Read at call time: a write failing mid-burst must refuse the commands issued right after it,
  // before React re-renders.
  const current = useRef<StorageProblem | null>(null);
  const enter = useCallback((p: StorageProblem) => {
    current.current ??= p;
    setProblem((cur) => cur ?? p);
  }, []);
  const report = useCallback(
    (error: unknown) => {
      const p = classifyStorageError(error);
      if (isFatalWriteError(p)) enter(p);
      return p;
    },
    [enter],
  );
  const gate = useMemo<WriteGate>(
    () => ({ refusal: () => current.current?.message ?? null, report }),
    [report],
  );
  const value = useMemo(() => ({ problem, report, enter, gate }), [problem, report, enter, gate]);
  return <ReadOnlyContext.Provider value={value}>{children}</ReadOnlyContext.Provider>;
}

export function useReadOnly(): ReadOnlyState {
  const s = useContext(ReadOnlyContext);
  if (!s) throw new Error('useReadOnly outside ReadOnlyProvider');
  return s;
}

/** The banner every view shows while the app is read-only. */
export function ReadOnlyBanner() {
  const { problem } = useReadOnly();
  if (!problem) return null;
  return (
    <div className="read-only-banner" role="alert" data-testid="read-only">
      <strong>Read-only.</strong> {problem.message}
    </div>
  );
}
