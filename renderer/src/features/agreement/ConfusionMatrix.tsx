import { useState } from 'react';

import type { AgreementResult } from '../../core/agreement-report/result';
import { confusionCellAction } from '../../core/model/disagreement-filter';
import { labelDisplay } from '../../core/model/label-display';
import { isLabel } from '../../core/model/labels';
import { LabelMark } from '../../ui/LabelMark';
import { clickable } from './clickable';

/**
 * Token label confusion of one annotator pair (rows: first annotator, columns: second; "O" is no
 * label). A cell opens the spans where they labelled like that: disagreements off the diagonal,
 * agreements on it.
 */
export function ConfusionMatrix({
  result,
  onOpen,
}: {
  result: AgreementResult;
  onOpen: (a: string, b: string, rowLabel: string, colLabel: string) => void;
}) {
  const [pair, setPair] = useState(0);
  const c = result.confusions[pair] ?? result.confusions[0];
  if (!c) return null;
  const max = Math.max(1, ...c.counts.flat());
  const name = (k: string) => (k === 'O' ? 'no label' : k);
  const head = (k: string) => (
    <>
      {isLabel(k) && <LabelMark name={k} letter={labelDisplay(k).letter} />} {name(k)}
    </>
  );
  return (
    <section aria-label="Label confusion">
      <h3>Label confusion (tokens)</h3>
      {result.confusions.length > 1 && (
        <label>
          Pair{' '}
          <select value={pair} onChange={(e) => setPair(Number(e.target.value))}>
            {result.confusions.map((x, i) => (
              <option key={`${x.rowAnnotator}|${x.columnAnnotator}`} value={i}>
                {x.rowAnnotator} × {x.columnAnnotator}
              </option>
            ))}
          </select>
        </label>
      )}
      <table
        className="confusion"
        aria-label={`Label confusion, ${c.rowAnnotator} (rows) × ${c.columnAnnotator} (columns)`}
      >
        <thead>
          <tr>
            <th scope="col">
              {c.rowAnnotator} ↓ · {c.columnAnnotator} →
            </th>
            {c.categories.map((k) => (
              <th key={k} scope="col">
                {head(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.counts.map((row, x) => {
            const rowLabel = c.categories[x] ?? '';
            return (
              <tr key={rowLabel}>
                <th scope="row">{head(rowLabel)}</th>
                {row.map((n, y) => {
                  const colLabel = c.categories[y] ?? '';
                  const off = x !== y;
                  const label = `${n} tokens: ${c.rowAnnotator} ${name(rowLabel)}, ${c.columnAnnotator} ${name(colLabel)}. ${confusionCellAction(rowLabel, colLabel)}`;
                  const open = () => onOpen(c.rowAnnotator, c.columnAnnotator, rowLabel, colLabel);
                  const shade = off && n > 0 ? `rgba(200, 60, 40, ${0.15 + (0.6 * n) / max})` : undefined;
                  return (
                    <td
                      key={colLabel}
                      className={off ? 'off num' : 'diag num'}
                      style={shade ? { background: shade } : undefined}
                      {...(n > 0 && !(x === 0 && y === 0) ? clickable(label, open) : {})}
                    >
                      {n}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{c.nTokens} tokens. Off the diagonal: tokens the two labelled differently.</p>
    </section>
  );
}
