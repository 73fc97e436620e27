import { useState } from 'react';

import { LABELS, labelTitle, type Label } from '../../core/model/labels';
import type { Span } from '../../core/model/span';

/** Every span at the caret: change its label, edit its note, mark it unsure, delete it. */
export function SpanInspector({
  spans,
  excerpt,
  onUpdate,
  onDelete,
}: {
  spans: readonly Span[];
  excerpt: (span: Span) => string;
  onUpdate: (before: Span, after: Span) => void;
  onDelete: (span: Span) => void;
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
            key={`${s.id}|${s.note}`}
            span={s}
            excerpt={excerpt(s)}
            onUpdate={onUpdate}
            onDelete={onDelete}
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
}: {
  span: Span;
  excerpt: string;
  onUpdate: (before: Span, after: Span) => void;
  onDelete: (span: Span) => void;
}) {
  const [note, setNote] = useState(span.note);
  const commitNote = () => {
    if (note !== span.note) onUpdate(span, { ...span, note });
  };
  return (
    <li className={`inspector-item lab-${span.label}`} data-span-id={span.id}>
      <p className="excerpt">“{excerpt}”</p>
      <label>
        Label
        <select
          value={span.label}
          aria-label={`Label of ${span.label} “${excerpt}”`}
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
          value={note}
          rows={2}
          aria-label={`Note on ${span.label} “${excerpt}”`}
          onChange={(e) => setNote(e.target.value)}
          onBlur={commitNote}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              commitNote();
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
        aria-label={`Delete ${span.label} “${excerpt}”`}
      >
        Delete
      </button>
    </li>
  );
}
