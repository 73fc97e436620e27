import type { Link } from '../links/link';
import { compareSpans, type Span } from '../model/span';
import { emptyHistory, record, redo as redoHistory, undo as undoHistory, type History } from './history';

/**
 * Annotation actions as data (Excalidraw's action shape): every user action on spans is one command,
 * applied by a pure function, persisted by the repository in one transaction, and inverted for undo.
 */
export type AnnotationCommand =
  | { readonly kind: 'create'; readonly span: Span; readonly links?: readonly Link[] }
  | { readonly kind: 'delete'; readonly span: Span; readonly links?: readonly Link[] }
  | { readonly kind: 'update'; readonly before: Span; readonly after: Span };

export function invertCommand(cmd: AnnotationCommand): AnnotationCommand {
  switch (cmd.kind) {
    // A deleted span's links go with it and come back with it (db/repositories/annotations.ts).
    case 'create':
      return cmd.links
        ? { kind: 'delete', span: cmd.span, links: cmd.links }
        : { kind: 'delete', span: cmd.span };
    case 'delete':
      return cmd.links
        ? { kind: 'create', span: cmd.span, links: cmd.links }
        : { kind: 'create', span: cmd.span };
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

export type AnnotationHistory = History<AnnotationCommand>;
export { emptyHistory };

/**
 * An update of the same span in the same text-field edit session folds into the previous step (its
 * `before`, this `after`): one undo takes back the whole edit.
 */
export function mergeUpdates(last: AnnotationCommand, next: AnnotationCommand): AnnotationCommand | null {
  if (last.kind !== 'update' || next.kind !== 'update' || last.after.id !== next.before.id) return null;
  return { kind: 'update', before: last.before, after: next.after };
}

export function recordCommand(
  h: AnnotationHistory,
  cmd: AnnotationCommand,
  mergeKey: string | null = null,
): AnnotationHistory {
  return record(h, cmd, mergeKey, mergeUpdates);
}

/** The command that undoes the last action, and the history after it; null when nothing to undo. */
export const undo = (h: AnnotationHistory) => undoHistory(h, invertCommand);
export const redo = (h: AnnotationHistory) => redoHistory(h);

/** Short description for status messages ("Deleted claim", "Undid: created quote"). */
export function describeCommand(cmd: AnnotationCommand): string {
  switch (cmd.kind) {
    case 'create':
      return `created ${cmd.span.label}`;
    case 'delete':
      return `deleted ${cmd.span.label}`;
    case 'update':
      return describeUpdate(cmd.before, cmd.after);
  }
}

/** What an update changed, for the status line (screen readers hear every edit through it). */
function describeUpdate(before: Span, after: Span): string {
  if (before.label !== after.label) return `changed ${before.label} to ${after.label}`;
  if (before.start !== after.start || before.end !== after.end) return `moved the ends of ${after.label}`;
  if (before.note !== after.note)
    return after.note === '' ? `removed the note on ${after.label}` : `edited the note on ${after.label}`;
  if ((before.unsure === true) !== (after.unsure === true))
    return after.unsure === true ? `marked ${after.label} unsure` : `marked ${after.label} sure`;
  return 'edited span';
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
