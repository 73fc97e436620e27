import { useMemo, useState } from 'react';

import { LABELS, labelTitle, type Label } from '../../core/model/labels';
import type { Span } from '../../core/model/span';

/** The document's spans in text order, filterable by label, with counts. */
export function SpanList({
  spans,
  activeIds,
  excerpt,
  onPick,
}: {
  spans: readonly Span[];
  activeIds: ReadonlySet<string>;
  excerpt: (span: Span) => string;
  onPick: (span: Span) => void;
}) {
  const [hidden, setHidden] = useState<ReadonlySet<Label>>(new Set());
  const counts = useMemo(() => {
    const c: Record<Label, number> = { claim: 0, quote: 0, figure: 0, speculation: 0 };
    for (const s of spans) c[s.label] += 1;
    return c;
  }, [spans]);
  const shown = useMemo(() => spans.filter((s) => !hidden.has(s.label)), [spans, hidden]);
  // Long lists render the first 500 rows; the filter narrows the rest.
  const visible = shown.slice(0, 500);
  return (
    <section className="span-list" aria-label="Spans">
      <h3>
        Spans <span className="muted">{spans.length}</span>
      </h3>
      <div className="filters" role="group" aria-label="Filter by label">
        {LABELS.map((l) => (
          <button
            key={l}
            type="button"
            className={`filter label-${l}`}
            aria-pressed={!hidden.has(l)}
            onClick={() => {
              const next = new Set(hidden);
              if (next.has(l)) next.delete(l);
              else next.add(l);
              setHidden(next);
            }}
          >
            {labelTitle(l)} <span className="count">{counts[l]}</span>
          </button>
        ))}
      </div>
      <ol className="spans" aria-label="Spans in text order">
        {visible.map((s) => (
          <li key={s.id} className={activeIds.has(s.id) ? 'active' : undefined}>
            <button type="button" onClick={() => onPick(s)} data-span-id={s.id}>
              <span className={`badge label-${s.label}`}>{labelTitle(s.label)}</span>
              <span className="excerpt">{excerpt(s)}</span>
              {s.note && <span className="note">{s.note}</span>}
              {s.unsure && <span className="unsure">unsure</span>}
            </button>
          </li>
        ))}
      </ol>
      {shown.length > visible.length && <p className="muted">…and {shown.length - visible.length} more</p>}
      {spans.length === 0 && (
        <p className="muted">Select text and press 1–4 (or a label button) to add a span.</p>
      )}
    </section>
  );
}
