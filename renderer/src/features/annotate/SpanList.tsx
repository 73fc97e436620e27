import { memo, useDeferredValue, useMemo, useState } from 'react';

import { labelDisplay } from '../../core/model/label-display';
import { isOnly, onlyLabel, toggleLabel, type HiddenLabels } from '../../core/model/label-filter';
import { LABELS, labelTitle, type Label } from '../../core/model/labels';
import type { Span } from '../../core/model/span';
import { LabelMark } from '../../ui/LabelMark';
import { usePainted } from '../../session/use-painted';
import { VirtualList } from '../../ui/VirtualList';

const NONE: readonly Span[] = [];

/** Fixed row height of the virtualized list: a label line and a note line (styles.css). */
const ROW_HEIGHT = 54;

/**
 * The document's spans in text order, filterable by label (hide one, or show only one), with
 * counts. Every span is in the list, virtualized: only the rows in view are mounted, so 10,000
 * spans cost what 20 do. The rows first appear one frame after the list mounts, so opening a
 * document paints the article and its highlights first; after that they follow the spans through
 * `useDeferredValue`, so a label's frame changes no text on the page and React renders the list
 * afterwards in interruptible slices (measured: docs/performance.md).
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
  const [hidden, setHidden] = useState<HiddenLabels>(new Set());
  const listReady = usePainted();
  const deferred = useDeferredValue(spans);
  const rows = listReady ? deferred : NONE;
  const active = useDeferredValue(activeIds);
  const counts = useMemo(() => {
    const c: Record<Label, number> = { claim: 0, quote: 0, figure: 0, speculation: 0 };
    for (const s of rows) c[s.label] += 1;
    return c;
  }, [rows]);
  const shown = useMemo(() => rows.filter((s) => !hidden.has(s.label)), [rows, hidden]);
  // The first span at the caret is brought into view and its row is aria-current, so the list
  // follows the article for every user.
  const activeIndex = useMemo(() => shown.findIndex((s) => active.has(s.id)), [shown, active]);
  return (
    <section className="span-list" aria-label="Spans">
      <h3>
        Spans <span className="muted">{rows.length}</span>
      </h3>
      <div className="filters" role="group" aria-label="Filter by label">
        {LABELS.map((l) => (
          <span key={l} className="filter-pair">
            <button
              type="button"
              className={`filter lab-${l}`}
              aria-pressed={!hidden.has(l)}
              onClick={() => setHidden(toggleLabel(hidden, l))}
            >
              <LabelMark name={l} letter={labelDisplay(l).letter} /> {labelTitle(l)}{' '}
              <span className="count">{counts[l]}</span>
            </button>
            <button
              type="button"
              className="filter-only"
              aria-pressed={isOnly(hidden, l)}
              aria-label={`Only ${labelTitle(l)}`}
              title={isOnly(hidden, l) ? 'Show every label' : `Show only ${labelTitle(l)}`}
              onClick={() => setHidden(onlyLabel(hidden, l))}
            >
              only
            </button>
          </span>
        ))}
      </div>
      {rows.length > 0 && (
        <VirtualList
          label="Spans in text order"
          className="spans"
          count={shown.length}
          rowHeight={ROW_HEIGHT}
          scrollToIndex={activeIndex}
          renderRow={(i) => {
            const s = shown[i] as Span;
            const on = active.has(s.id);
            return {
              key: s.id,
              className: on ? 'active' : undefined,
              current: on,
              content: <SpanRow span={s} active={on} excerpt={excerpt} onPick={onPick} />,
            };
          }}
        />
      )}
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
    <button type="button" onClick={() => onPick(s)} data-span-id={s.id} data-active={active}>
      <span className={`badge lab-border lab-${s.label}`}>
        <LabelMark name={s.label} letter={labelDisplay(s.label).letter} />
        {labelTitle(s.label)}
      </span>
      <span className="excerpt">{excerpt(s)}</span>
      {s.note && <span className="note">{s.note}</span>}
      {s.unsure && <span className="unsure">unsure</span>}
    </button>
  );
});
