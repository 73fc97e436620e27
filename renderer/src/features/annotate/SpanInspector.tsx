import { useRef, type ReactNode } from 'react';

import { LABELS, labelTitle, type Label } from '../../core/model/labels';
import type { Span } from '../../core/model/span';
import { quoted } from '../../core/text/quoted';
import type { SpanVersion } from '../../session/sync/useSpanHistory';
import { useDraftText } from '../../ui/useDraftText';

/** Every span at the caret: change its label, edit its note, mark it unsure, delete it. */
export function SpanInspector({
  spans,
  excerpt,
  onUpdate,
  onDelete,
  markUnsaved,
  history,
  more,
}: {
  spans: readonly Span[];
  /** Shown under each span's editor (its links). */
  more?: (span: Span) => ReactNode;
  excerpt: (span: Span) => string;
  /** `editKey` groups the saves of one note edit into one undo step. */
  onUpdate: (before: Span, after: Span, editKey?: string) => void;
  onDelete: (span: Span) => void;
  markUnsaved: () => () => void;
  /** Versions of a span that lost a merge (team sync), by span id. */
  history?: ReadonlyMap<string, readonly SpanVersion[]>;
}) {
  if (spans.length === 0) return null;
  return (
    <section className="inspector" aria-label="Spans at cursor">
      <h3>
        {spans.length} span{spans.length === 1 ? '' : 's'} at cursor
      </h3>
      <ul>
        {spans.map((s) => (
          <SpanEditor
            key={s.id}
            span={s}
            excerpt={excerpt(s)}
            onUpdate={onUpdate}
            onDelete={onDelete}
            markUnsaved={markUnsaved}
            history={history?.get(s.id)}
            excerptOf={excerpt}
            more={more?.(s)}
          />
        ))}
      </ul>
    </section>
  );
}

function SpanEditor({
  span,
  excerpt,
  onUpdate,
  onDelete,
  markUnsaved,
  history,
  excerptOf,
  more,
}: {
  more?: ReactNode;
  /** Earlier versions of this span (team sync), newest first. */
  history?: readonly SpanVersion[] | undefined;
  excerptOf: (span: Span) => string;
  span: Span;
  excerpt: string;
  onUpdate: (before: Span, after: Span, editKey?: string) => void;
  onDelete: (span: Span) => void;
  markUnsaved: () => () => void;
}) {
  // The note may be saved after this row re-rendered or unmounted: save onto the latest span.
  const latest = useRef(span);
  latest.current = span;
  const note = useDraftText({
    stored: span.note,
    markUnsaved,
    save: (before, after, editKey) =>
      onUpdate({ ...latest.current, note: before }, { ...latest.current, note: after }, editKey),
  });
  return (
    <li className={`inspector-item lab-${span.label}`} data-span-id={span.id}>
      <p className="excerpt">{quoted(excerpt)}</p>
      <label>
        Label
        <select
          value={span.label}
          aria-label={`Label of ${span.label} ${quoted(excerpt)}`}
          onChange={(e) => onUpdate(span, { ...span, label: e.target.value as Label })}
        >
          {LABELS.map((l) => (
            <option key={l} value={l}>
              {labelTitle(l)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note
        <textarea
          value={note.value}
          rows={2}
          aria-label={`Note on ${span.label} ${quoted(excerpt)}`}
          onChange={(e) => note.onChange(e.target.value)}
          onBlur={note.commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              note.commit();
            }
          }}
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={span.unsure === true}
          onChange={(e) => {
            const { unsure: _drop, ...rest } = span;
            onUpdate(span, e.target.checked ? { ...rest, unsure: true } : rest);
          }}
        />
        Unsure
      </label>
      <button
        type="button"
        className="danger"
        onClick={() => onDelete(span)}
        aria-label={`Delete ${span.label} ${quoted(excerpt)}`}
      >
        Delete
      </button>
      {more}
      {history && history.length > 0 && (
        <SpanHistory versions={history} excerpt={(start, end) => excerptOf({ ...span, start, end })} />
      )}
    </li>
  );
}

/**
 * The versions that lost a merge to this one (the same span changed on two machines: the newest
 * won): what each said, and when and on which device (`by`, the replica) it was written.
 */
function SpanHistory({
  versions,
  excerpt,
}: {
  versions: readonly SpanVersion[];
  excerpt: (start: number, end: number) => string;
}) {
  return (
    <details className="span-history" open>
      <summary>Earlier versions ({versions.length})</summary>
      <ul aria-label="Earlier versions">
        {versions.map((v) => (
          <li key={`${v.updated_at}|${v.by}`}>
            {'deleted' in v
              ? 'Deleted'
              : `${labelTitle(v.label)} ${quoted(excerpt(v.start, v.end))} (${v.start}–${v.end})${
                  v.note ? `, note ${quoted(v.note)}` : ''
                }${v.unsure ? ', unsure' : ''}`}{' '}
            <span className="muted">
              — {new Date(v.updated_at).toLocaleString()}, device {v.by}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
