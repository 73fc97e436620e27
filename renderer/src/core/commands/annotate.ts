import { compareSpans, type Span } from '../model/span';

/**
 * Annotation actions as data (Excalidraw's action shape): every user action on spans is one command,
 * applied by a pure function, persisted by the repository in one transaction, and inverted for undo.
 */
export type AnnotationCommand =
  | { readonly kind: 'create'; readonly span: Span }
  | { readonly kind: 'delete'; readonly span: Span }
  | { readonly kind: 'update'; readonly before: Span; readonly after: Span };

export function invertCommand(cmd: AnnotationCommand): AnnotationCommand {
  switch (cmd.kind) {
    case 'create':
      return { kind: 'delete', span: cmd.span };
    case 'delete':
      return { kind: 'create', span: cmd.span };
    case 'update':
      return { kind: 'update', before: cmd.after, after: cmd.before };
  }
}

/** Applies a command to a span list (immutable; order not guaranteed). O(n). */
export function applyCommand(spans: readonly Span[], cmd: AnnotationCommand): Span[] {
  switch (cmd.kind) {
    case 'create':
      return [...spans.filter((s) => s.id !== cmd.span.id), cmd.span];
    case 'delete':
      return spans.filter((s) => s.id !== cmd.span.id);
    case 'update':
      return spans.map((s) => (s.id === cmd.after.id ? cmd.after : s));
  }
}

/** Undo/redo history of one editing session; immutable, so React state can hold it directly. */
export interface History {
  readonly past: readonly AnnotationCommand[];
  readonly future: readonly AnnotationCommand[];
  /** The edit session the last recorded command belongs to (see `recordCommand`); null when none. */
  readonly mergeKey: string | null;
}

export const emptyHistory: History = { past: [], future: [], mergeKey: null };
const HISTORY_LIMIT = 500;

/**
 * Records a command as the newest undo step. A text field is saved while the user types, several
 * times per edit session; each save passes the session's `mergeKey`, and an update of the same span
 * in the same session is folded into the previous step (its `before`, this `after`), so one undo
 * takes back the whole edit, not the last few keys.
 */
export function recordCommand(h: History, cmd: AnnotationCommand, mergeKey: string | null = null): History {
  const last = h.past[h.past.length - 1];
  if (
    mergeKey !== null &&
    mergeKey === h.mergeKey &&
    last?.kind === 'update' &&
    cmd.kind === 'update' &&
    last.after.id === cmd.before.id
  ) {
    const merged: AnnotationCommand = { kind: 'update', before: last.before, after: cmd.after };
    return { past: [...h.past.slice(0, -1), merged], future: [], mergeKey };
  }
  return { past: [...h.past, cmd].slice(-HISTORY_LIMIT), future: [], mergeKey };
}

/** The command that undoes the last action, and the history after it; null when nothing to undo. */
export function undo(h: History): { command: AnnotationCommand; history: History } | null {
  const last = h.past[h.past.length - 1];
  if (!last) return null;
  return {
    command: invertCommand(last),
    history: { past: h.past.slice(0, -1), future: [last, ...h.future], mergeKey: null },
  };
}

export function redo(h: History): { command: AnnotationCommand; history: History } | null {
  const next = h.future[0];
  if (!next) return null;
  return {
    command: next,
    history: { past: [...h.past, next], future: h.future.slice(1), mergeKey: null },
  };
}

/** Short description for status messages ("Deleted claim", "Undid: created quote"). */
export function describeCommand(cmd: AnnotationCommand): string {
  switch (cmd.kind) {
    case 'create':
      return `created ${cmd.span.label}`;
    case 'delete':
      return `deleted ${cmd.span.label}`;
    case 'update':
      return cmd.before.label !== cmd.after.label
        ? `changed ${cmd.before.label} to ${cmd.after.label}`
        : 'edited span';
  }
}

/**
 * `applyCommand` for a list kept in `compareSpans` order: the changed span is placed by binary
 * search instead of re-sorting, so labelling with 10,000 spans present costs one array copy.
 */
export function applyCommandSorted(sorted: readonly Span[], cmd: AnnotationCommand): Span[] {
  const without = (id: string): Span[] => sorted.filter((s) => s.id !== id);
  const insert = (list: Span[], span: Span): Span[] => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareSpans(list[mid] as Span, span) < 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, span);
    return list;
  };
  switch (cmd.kind) {
    case 'create':
      return insert(sorted.some((s) => s.id === cmd.span.id) ? without(cmd.span.id) : [...sorted], cmd.span);
    case 'delete':
      return without(cmd.span.id);
    case 'update':
      return insert(without(cmd.after.id), cmd.after);
  }
}
