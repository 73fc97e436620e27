import { formatFigure } from '../../core/agreement-report/format';
import type { AgreementResult } from '../../core/agreement-report/result';
import { overallFigures } from '../../core/agreement-report/summary';
import { clickable } from './clickable';

/**
 * Headline figures, each with what it rests on; an undefined one says n/a and why. Each value opens
 * the spans behind it (every document and annotator of the run: agreements and disagreements).
 */
export function OverallFigures({
  result,
  onOpen,
}: {
  result: AgreementResult;
  /** Opens the spans behind a figure (its name for the heading). */
  onOpen: (figure: string) => void;
}) {
  const r = result.report;
  return (
    <section aria-label="Overall figures">
      <h3>Overall</h3>
      <p className="basis" data-testid="basis">
        {r.n_documents} documents · {r.n_tokens} tokens · spans:{' '}
        {Object.entries(r.n_spans)
          .map(([a, n]) => `${a} ${n}`)
          .join(', ')}
      </p>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Value</th>
            <th scope="col">Basis</th>
          </tr>
        </thead>
        <tbody>
          {overallFigures(r).map((f) => (
            <tr key={f.key} data-figure={f.key}>
              <th scope="row">{f.name}</th>
              <td
                className={f.value === null ? 'na' : 'num'}
                data-value={f.value ?? 'null'}
                {...clickable(
                  `${f.name} ${formatFigure(f.value)}: show the spans behind it, agreements and disagreements`,
                  () => onOpen(f.name),
                )}
              >
                {formatFigure(f.value)}
                {f.value === null && <span className="reason"> — {f.naReason}</span>}
              </td>
              <td>{f.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
