import type { MarginaliaDb } from '../../db/database';

/** The bound: an actionable message within 5 seconds, never a hang. */
export const OPEN_DEADLINE_MS = 4_000;

export type OpenOutcome =
  { kind: 'open' } | { kind: 'blocked' } | { kind: 'timeout' } | { kind: 'error'; error: unknown };

/**
 * Opens without waiting forever. A blocked upgrade (another tab holds the old version and does not
 * close) fires Dexie's 'blocked' and would otherwise wait silently; the open keeps going in the
 * background and completes by itself once the other tab closes.
 */
export function openWithDeadline(db: MarginaliaDb, deadlineMs: number): Promise<OpenOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), deadlineMs);
    const settle = (o: OpenOutcome): void => {
      clearTimeout(timer);
      resolve(o);
    };
    db.on('blocked', () => settle({ kind: 'blocked' }));
    db.open().then(
      () => settle({ kind: 'open' }),
      (error: unknown) => settle({ kind: 'error', error }),
    );
  });
}
