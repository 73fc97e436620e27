import { useState } from 'react';

import { formatFigure, heatColor } from '../../core/agreement-report/format';
import type { AgreementResult } from '../../core/agreement-report/result';
import { labelFigures } from '../../core/agreement-report/summary';
import { labelDisplay } from '../../core/model/label-display';
import { isLabel } from '../../core/model/labels';
import { clickable } from './clickable';

const METRICS = [
  ['krippendorff_alpha', "Krippendorff's α"],
  ['cohen_kappa_mean', "Cohen's κ"],
  ['overlap_f1', 'Span F1 overlap'],
  ['alpha_u', 'αU'],
] as const;

const ROW = 30;
const LEFT = 110;
const WIDTH = 320;
const ZERO = LEFT + WIDTH / 2;

/**
 * Per-label figures as horizontal bars on [-1, 1] (plain SVG). Each bar opens the disagreements
 * of that label; an undefined figure has no bar and says n/a with its reason.
 */
export function LabelBars({ result, onOpen }: { result: AgreementResult; onOpen: (label: string) => void }) {
  const [metric, setMetric] = useState<(typeof METRICS)[number][0]>('krippendorff_alpha');
  const lines = labelFigures(result.report, result.labels);
  const height = lines.length * ROW + 24;
  return (
    <section aria-label="Per-label figures">
      <h3>Per label</h3>
      <div role="radiogroup" aria-label="Figure shown per label" className="segmented">
        {METRICS.map(([key, name]) => (
          <label key={key}>
            <input
              type="radio"
              name="label-metric"
              checked={metric === key}
              onChange={() => setMetric(key)}
            />
            {name}
          </label>
        ))}
      </div>
      <svg
        className="bars"
        width={LEFT + WIDTH + 330}
        height={height}
        role="group"
        aria-label="Per-label bar chart"
      >
        <line x1={ZERO} y1={14} x2={ZERO} y2={height - 4} className="axis" />
        <text x={LEFT} y={10} className="tick">
          −1
        </text>
        <text x={ZERO - 3} y={10} className="tick">
          0
        </text>
        <text x={LEFT + WIDTH - 6} y={10} className="tick">
          1
        </text>
        {lines.map((l, i) => {
          const f = l.figures.find((x) => x.key === metric);
          const v = f?.value ?? null;
          const y = 18 + i * ROW;
          const spans = Object.entries(l.spans)
            .map(([a, n]) => `${a} ${n}`)
            .join(', ');
          const text = v === null ? `n/a — ${f?.naReason ?? ''}` : `${formatFigure(v)} · ${spans}`;
          return (
            <g
              key={l.label}
              className="bar-row"
              data-label={l.label}
              data-value={v ?? 'null'}
              // The name starts with the visible text in its order, swatch letter included (WCAG 2.5.3
              // label in name), so a speech user can say what they see; the metric and action follow.
              {...clickable(
                `${l.label} ${isLabel(l.label) ? labelDisplay(l.label).letter : ''} ${text}. ${f?.name ?? ''}: show the ${l.label} spans behind it`,
                () => onOpen(l.label),
              )}
            >
              <rect x={0} y={y - 2} width={LEFT + WIDTH + 330} height={ROW - 4} className="hit" />
              {/* The trailing spaces (not drawn: SVG strips them) keep the words apart in the text
                  that tools read from the row: "claim C 0.52", not "claimC0.52". */}
              <text x={LEFT - 28} y={y + 14} textAnchor="end">
                {l.label}{' '}
              </text>
              {isLabel(l.label) && (
                <g className={`swatch lab-${l.label}`} aria-hidden="true">
                  <rect x={LEFT - 22} y={y + 1} width={16} height={16} rx={3} />
                  <text x={LEFT - 14} y={y + 13} textAnchor="middle">
                    {labelDisplay(l.label).letter}{' '}
                  </text>
                </g>
              )}
              {v !== null && (
                <rect
                  x={Math.min(ZERO, ZERO + (v * WIDTH) / 2)}
                  y={y}
                  width={Math.abs((v * WIDTH) / 2)}
                  height={18}
                  fill={heatColor(v)}
                  className="bar"
                />
              )}
              <text x={LEFT + WIDTH + 8} y={y + 14} className={v === null ? 'na' : ''}>
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
