/**
 * Undo/redo history of any command type (annotation commands, adjudication steps): immutable, so it
 * can be held in React state or a store and shared between views.
 */
export interface History<C> {
  readonly past: readonly C[];
  readonly future: readonly C[];
  /** The edit session the last recorded command belongs to (see `record`); null when none. */
  readonly mergeKey: string | null;
}

export const emptyHistory: History<never> = { past: [], future: [], mergeKey: null };
const HISTORY_LIMIT = 500;

/**
 * Records a command as the newest undo step and clears the redo future. With a `mergeKey` equal to
 * the previous record's, `merge` may fold the two into one step (a text field saved while typing:
 * one undo takes back the whole edit, not the last few keys); it returns null when they do not fold.
 */
export function record<C>(
  h: History<C>,
  cmd: C,
  mergeKey: string | null = null,
  merge?: (last: C, next: C) => C | null,
): History<C> {
  const last = h.past[h.past.length - 1];
  if (merge && mergeKey !== null && mergeKey === h.mergeKey && last !== undefined) {
    const merged = merge(last, cmd);
    if (merged !== null) return { past: [...h.past.slice(0, -1), merged], future: [], mergeKey };
  }
  return { past: [...h.past, cmd].slice(-HISTORY_LIMIT), future: [], mergeKey };
}

/** The command that undoes the last step, and the history after it; null when nothing to undo. */
export function undo<C>(h: History<C>, invert: (c: C) => C): { command: C; history: History<C> } | null {
  const last = h.past[h.past.length - 1];
  if (last === undefined) return null;
  return {
    command: invert(last),
    history: { past: h.past.slice(0, -1), future: [last, ...h.future], mergeKey: null },
  };
}

export function redo<C>(h: History<C>): { command: C; history: History<C> } | null {
  if (h.future.length === 0) return null;
  const next = h.future[0] as C;
  return { command: next, history: { past: [...h.past, next], future: h.future.slice(1), mergeKey: null } };
}

/** The history without one recorded step (a step whose write failed and was rolled back). */
export function forget<C>(h: History<C>, step: C): History<C> {
  return { past: h.past.filter((c) => c !== step), future: h.future, mergeKey: null };
}
