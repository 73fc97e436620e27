import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';

import { labelDisplay } from '../../core/model/label-display';
import { LABELS, labelTitle, type Label } from '../../core/model/labels';
import type { Span } from '../../core/model/span';
import { LabelMark } from '../../ui/LabelMark';
import { afterNextPaint } from '../../session/after-paint';

const NONE: readonly Span[] = [];

/**
 * The document's spans in text order, filterable by label, with counts. The rows first appear one
 * frame after the list mounts, so opening a document paints the article and its highlights without
 * waiting for the list's render, style and layout (up to 500 rows); after that they follow the spans
 * through `useDeferredValue`, so a label's frame changes no text on the page and React renders the
 * list afterwards in interruptible slices (measured: docs/architecture.md).
 */
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
  const [listReady, setListReady] = useState(false);
  useEffect(() => {
    let live = true;
    void afterNextPaint().then(() => live && setListReady(true));
    return () => {
      live = false;
    };
  }, []);
  const deferred = useDeferredValue(spans);
  const rows = listReady ? deferred : NONE;
  const active = useDeferredValue(activeIds);
  const counts = useMemo(() => {
    const c: Record<Label, number> = { claim: 0, quote: 0, figure: 0, speculation: 0 };
    for (const s of rows) c[s.label] += 1;
    return c;
  }, [rows]);
  const shown = useMemo(() => rows.filter((s) => !hidden.has(s.label)), [rows, hidden]);
  // Long lists render the first 500 rows; the filter narrows the rest.
  const visible = shown.slice(0, 500);
  return (
    <section className="span-list" aria-label="Spans">
      <h3>
        Spans <span className="muted">{rows.length}</span>
      </h3>
      <div className="filters" role="group" aria-label="Filter by label">
        {LABELS.map((l) => (
          <button
            key={l}
            type="button"
            className={`filter lab-${l}`}
            aria-pressed={!hidden.has(l)}
            onClick={() => {
              const next = new Set(hidden);
              if (next.has(l)) next.delete(l);
              else next.add(l);
              setHidden(next);
            }}
          >
            <LabelMark name={l} letter={labelDisplay(l).letter} /> {labelTitle(l)}{' '}
            <span className="count">{counts[l]}</span>
          </button>
        ))}
      </div>
      <ol className="spans" aria-label="Spans in text order">
        {visible.map((s) => (
          <SpanRow key={s.id} span={s} active={active.has(s.id)} excerpt={excerpt} onPick={onPick} />
        ))}
      </ol>
      {shown.length > visible.length && <p className="muted">…and {shown.length - visible.length} more</p>}
      {listReady && rows.length === 0 && (
        <p className="muted">Select text and press 1–4 (or a label button) to add a span.</p>
      )}
    </section>
  );
}

/** One row; memoised so a label re-renders only the rows whose span or state changed. */
const SpanRow = memo(function SpanRow({
  span: s,
  active,
  excerpt,
  onPick,
}: {
  span: Span;
  active: boolean;
  excerpt: (span: Span) => string;
  onPick: (span: Span) => void;
}) {
  return (
    <li className={active ? 'active' : undefined}>
      <button type="button" onClick={() => onPick(s)} data-span-id={s.id}>
        <span className={`badge lab-border lab-${s.label}`}>
          <LabelMark name={s.label} letter={labelDisplay(s.label).letter} />
          {labelTitle(s.label)}
        </span>
        <span className="excerpt">{excerpt(s)}</span>
        {s.note && <span className="note">{s.note}</span>}
        {s.unsure && <span className="unsure">unsure</span>}
      </button>
    </li>
  );
});
