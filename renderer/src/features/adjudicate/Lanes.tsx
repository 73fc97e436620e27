import { Fragment, memo, useMemo } from 'react';

import type { Decision, SourceSpan } from '../../core/model/decisions';
import { LABEL_DISPLAYS, labelDisplay } from '../../core/model/label-display';
import { LabelMark } from '../../ui/LabelMark';
import type { GoldSpan } from '../../core/model/gold';
import { laneSlots, segmentText } from './segments';

export interface Lane {
  readonly name: string;
  readonly spans: readonly (SourceSpan | GoldSpan)[];
}

/**
 * The article with one lane per annotator (and gold) under it: every piece of text is an inline
 * block holding the text (a plain text node — never HTML) and one row per lane with a bar per
 * covering span, so lanes stay aligned with the words as the text wraps. A bar has its label's
 * colour and line style (core/model/label-display.ts) and its letter where the span starts; spans
 * overlapping in one lane stack in rows of their own (laneSlots), so no letter is cut off. Pieces
 * inside a disagreement are tinted by its kind; the current decision is outlined. Clicking a piece
 * selects the decision there.
 */
export const Lanes = memo(function Lanes({
  text,
  lanes,
  decisions,
  current,
  onPick,
}: {
  text: string;
  lanes: readonly Lane[];
  decisions: readonly Decision[];
  current: Decision | null;
  onPick: (d: Decision) => void;
}) {
  const segments = useMemo(() => {
    const cuts = lanes.flatMap((l) => l.spans.flatMap((s) => [s.start, s.end]));
    for (const d of decisions) cuts.push(d.start, d.end);
    return segmentText(text, cuts);
  }, [text, lanes, decisions]);
  const slots = useMemo(() => lanes.map((l) => laneSlots(l.spans)), [lanes]);
  return (
    <div className="lanes" data-testid="lanes" aria-label="Text with one lane per annotator">
      <div className="lane-legend" aria-hidden="true">
        <span>Lanes under each line:</span>
        {lanes.map((l, i) => (
          <span key={l.name} className={`legend-item lane-${i}`}>
            {i + 1}. {l.name}
          </span>
        ))}
        {LABEL_DISPLAYS.map((d) => (
          <span key={d.label} className={`legend-label lab-${d.label}`}>
            <LabelMark name={d.label} letter={d.letter} /> {d.label}
          </span>
        ))}
      </div>
      {segments.map((seg) => {
        const at = decisions.find((d) => d.start < seg.end && seg.start < d.end);
        const inCurrent = current !== null && current.start < seg.end && seg.start < current.end;
        const cls = `seg${at ? ` dis-${at.kind}` : ''}${inCurrent ? ' current' : ''}`;
        // An empty line (a paragraph gap) needs no lanes: no span covers only a line break.
        if (seg.text === '' && seg.lineEnd) return <br key={seg.start} />;
        return (
          <Fragment key={seg.start}>
            <span className={cls} onClick={at ? () => onPick(at) : undefined}>
              <span className="seg-text">{seg.text === '' ? '\u00a0' : seg.text}</span>
              {lanes.map((l, lane) => {
                const covering = l.spans.filter((s) => s.start <= seg.start && seg.end <= s.end);
                const { slot, depth } = slots[lane] as ReturnType<typeof laneSlots>;
                return (
                  <span
                    key={l.name}
                    className={`lane-cell lane-${lane % 2 ? 'odd' : 'even'}`}
                    style={{ gridTemplateRows: `repeat(${depth}, var(--lane-row))` }}
                  >
                    {covering.map((s) => (
                      <span
                        key={s.id}
                        className={`lane-bar lab-${s.label}${s.start === seg.start ? ' first' : ''}`}
                        style={{ gridRow: (slot.get(s.id) ?? 0) + 1 }}
                        title={`${l.name}: ${s.label}`}
                      >
                        {s.start === seg.start ? labelDisplay(s.label).letter : ''}
                      </span>
                    ))}
                  </span>
                );
              })}
            </span>
            {seg.lineEnd && <br />}
          </Fragment>
        );
      })}
    </div>
  );
});
