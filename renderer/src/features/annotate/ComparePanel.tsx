import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';

import { compareWith, COMPARISON_TITLES, type ComparedSpan } from '../../core/model/compare';
import { labelDisplay } from '../../core/model/label-display';
import { labelTitle } from '../../core/model/labels';
import type { Span } from '../../core/model/span';
import { listStudyAnnotators } from '../../db/repositories/agreement';
import { readSpans } from '../../db/repositories/annotations';
import { useServices } from '../../session/providers';
import { LabelMark } from '../../ui/LabelMark';
import { VirtualList } from '../../ui/VirtualList';

const ROW_HEIGHT = 44;
/** In a crowded sidebar the list gives way down to this many rows, then the sidebar scrolls. */
const MIN_ROWS = 2;

/**
 * Compare while annotating: another annotator's (or gold's) spans on this document, read-only,
 * beside one's own and read against them (same / other label / other boundaries / not in yours).
 * Choosing whom to compare with never changes who one annotates as. Follows the database live.
 */
export function ComparePanel({
  docId,
  annotator,
  mine,
  excerpt,
  onPick,
}: {
  docId: string;
  annotator: string;
  mine: readonly Span[];
  excerpt: (span: Span) => string;
  onPick: (span: Span) => void;
}) {
  const { db } = useServices();
  const [other, setOther] = useState<string | null>(null);
  const others = (useLiveQuery(() => listStudyAnnotators(db), [db]) ?? []).filter((a) => a !== annotator);
  const theirs = useLiveQuery(async () => (other ? readSpans(db, docId, other) : null), [db, docId, other]);
  const result = useMemo(() => (theirs ? compareWith(mine, theirs) : null), [mine, theirs]);
  if (others.length === 0) return null;
  return (
    <section className="compare" aria-label="Compare">
      <label className="compare-choice">
        Compare with{' '}
        <select value={other ?? ''} onChange={(e) => setOther(e.target.value || null)}>
          <option value="">nobody</option>
          {others.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {other && result && (
        <>
          <p className="muted" data-testid="compare-summary">
            {other}: {result.theirs.length} span{result.theirs.length === 1 ? '' : 's'} · {result.counts.same}{' '}
            same · {result.counts.other_bounds} other boundaries · {result.counts.other_label} other label ·{' '}
            {result.counts.only_theirs} only {other} · {result.onlyMine} only yours
          </p>
          {result.theirs.length > 0 && (
            <VirtualList
              label={`${other}’s spans (read-only)`}
              className="compare-list"
              // As tall as its rows, so it takes the room it needs; the sidebar's flex layout
              // shrinks it to the room left (styles.css, .compare-list).
              style={{
                // A basis, not a height: a height would also be its least size, so it could not give way.
                flexBasis: result.theirs.length * ROW_HEIGHT,
                minHeight: Math.min(result.theirs.length, MIN_ROWS) * ROW_HEIGHT,
              }}
              count={result.theirs.length}
              rowHeight={ROW_HEIGHT}
              renderRow={(i) => {
                const c = result.theirs[i] as ComparedSpan;
                return {
                  key: c.span.id,
                  className: `cmp-${c.comparison}`,
                  content: <CompareRow c={c} excerpt={excerpt} onPick={onPick} />,
                };
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function CompareRow({
  c,
  excerpt,
  onPick,
}: {
  c: ComparedSpan;
  excerpt: (span: Span) => string;
  onPick: (span: Span) => void;
}) {
  const s = c.span;
  return (
    <button type="button" onClick={() => onPick(s)} data-comparison={c.comparison}>
      <span className={`badge lab-border lab-${s.label}`}>
        <LabelMark name={s.label} letter={labelDisplay(s.label).letter} />
        {labelTitle(s.label)}
      </span>
      <span className="excerpt">{excerpt(s)}</span>
      <span className="cmp-state">{COMPARISON_TITLES[c.comparison]}</span>
    </button>
  );
}
