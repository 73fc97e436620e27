import { err, ok, type Result } from '../result';
import type { Span } from './span';

/** The fields a user edits on a span; `unsure` absent and false are the same. */
const FIELDS = ['start', 'end', 'label', 'note', 'unsure'] as const;
type Field = (typeof FIELDS)[number];

const value = (s: Span, f: Field): unknown => (f === 'unsure' ? s.unsure === true : s[f]);

const NAMES: Readonly<Record<Field, string>> = {
  start: 'start',
  end: 'end',
  label: 'label',
  note: 'note',
  unsure: '“unsure” mark',
};

/** Whether two spans are the same in every stored field. */
export function sameSpan(a: Span, b: Span): boolean {
  return a.id === b.id && FIELDS.every((f) => value(a, f) === value(b, f));
}

/** Whether two span lists (both in `compareSpans` order) hold the same spans. O(n). */
export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((s, i) => sameSpan(s, b[i] as Span));
}

/**
 * An edit (`before` → `after`, as the editor saw the span) replayed onto the span as stored now,
 * which another window (or a synced machine) may have changed since: only the fields the edit
 * changes are written, so someone else's change to another field survives. A field the edit changes
 * that was changed elsewhere meanwhile (to something else than this edit's value) is a conflict:
 * nothing is written and the message says which field.
 */
export function rebaseSpanEdit(stored: Span, before: Span, after: Span): Result<Span, string> {
  const changed = FIELDS.filter((f) => value(before, f) !== value(after, f));
  const clashes = changed.filter(
    (f) => value(stored, f) !== value(before, f) && value(stored, f) !== value(after, f),
  );
  if (clashes.length > 0) {
    const what = clashes.map((f) => NAMES[f]).join(' and ');
    return err(`This span's ${what} was changed in another window meanwhile; it shows as it is stored now.`);
  }
  const merged: Record<string, unknown> = { ...stored };
  for (const f of changed) merged[f] = value(after, f);
  if (merged['unsure'] !== true) delete merged['unsure'];
  return ok(merged as unknown as Span);
}
