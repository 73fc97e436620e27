import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

import { classifyStorageError, isFatalWriteError, type StorageProblem } from '../db/storage-errors';

interface ReadOnlyState {
  /** Set once a write failed in a way later writes will too (disk full, I/O error, closed). */
  problem: StorageProblem | null;
  /** Classifies a failed write; a fatal one switches the whole app to read-only. */
  report(error: unknown): StorageProblem;
  /** Switches to read-only for a reason found outside a write (another window upgraded). */
  enter(problem: StorageProblem): void;
}

const ReadOnlyContext = createContext<ReadOnlyState | null>(null);

/**
 * After a quota or I/O failure every further write would fail too, and a half-applied burst of
 * commands is worse than none: the app refuses annotation actions with the same plain message,
 * keeps reading and exporting, and never retries behind the user's back.
 */
export function ReadOnlyProvider({ children }: { children: ReactNode }) {
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  const enter = useCallback((p: StorageProblem) => setProblem((cur) => cur ?? p), []);
  const report = useCallback(
    (error: unknown) => {
      const p = classifyStorageError(error);
      if (isFatalWriteError(p)) enter(p);
      return p;
    },
    [enter],
  );
  const value = useMemo(() => ({ problem, report, enter }), [problem, report, enter]);
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
