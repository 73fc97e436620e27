import { formatFigure, heatColor } from '../../core/agreement-report/format';
import type { AgreementResult } from '../../core/agreement-report/result';
import { pairFigure } from '../../core/agreement-report/summary';
import { clickable } from './clickable';

const SIZE = 72;
const LEFT = 100;
const TOP = 26;

/**
 * Pairwise Cohen's κ (tokens) and span F1 (overlap) as heatmaps; a cell opens that pair's
 * disagreements. Grey n/a cells are undefined figures, never zero.
 */
export function PairHeatmap({
  result,
  onOpen,
}: {
  result: AgreementResult;
  onOpen: (a: string, b: string) => void;
}) {
  const ann = result.annotators;
  const matrix = (metric: 'kappa' | 'f1', title: string) => (
    <figure>
      <figcaption>{title}</figcaption>
      <svg
        width={LEFT + ann.length * SIZE + 8}
        height={TOP + ann.length * SIZE + 8}
        role="group"
        aria-label={title}
      >
        {ann.map((c, j) => (
          <text key={c} x={LEFT + j * SIZE + SIZE / 2} y={TOP - 8} textAnchor="middle">
            {c}
          </text>
        ))}
        {ann.map((a, i) => (
          <g key={a}>
            <text x={LEFT - 6} y={TOP + i * SIZE + SIZE / 2 + 4} textAnchor="end">
              {a}
            </text>
            {ann.map((b, j) => {
              const f = pairFigure(result.report, a, b, metric);
              const x = LEFT + j * SIZE;
              const y = TOP + i * SIZE;
              if (!f) return <rect key={b} x={x} y={y} width={SIZE} height={SIZE} className="diag" />;
              const name = `${metric === 'kappa' ? 'κ' : 'F1'} ${a}|${b}`;
              const label = `${name} ${formatFigure(f.value)}${f.value === null ? ` (n/a: ${f.naReason})` : ''}, ${f.basis}. Show the spans behind it`;
              return (
                <g
                  key={b}
                  className="cell"
                  data-pair={`${a}|${b}`}
                  data-metric={metric}
                  data-value={f.value ?? 'null'}
                  {...clickable(label, () => onOpen(a, b))}
                >
                  <title>{label}</title>
                  <rect x={x} y={y} width={SIZE} height={SIZE} fill={heatColor(f.value)} />
                  <text x={x + SIZE / 2} y={y + SIZE / 2 + 4} textAnchor="middle">
                    {formatFigure(f.value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
  return (
    <section aria-label="Annotator pairs">
      <h3>Annotator pairs</h3>
      <div className="heatmaps">
        {matrix('kappa', "Cohen's κ (tokens)")}
        {matrix('f1', 'Span F1 (overlap)')}
      </div>
    </section>
  );
}
