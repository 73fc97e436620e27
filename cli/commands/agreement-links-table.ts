import { formatFigure } from '../../renderer/src/core/agreement-report/format';
import type { LinkAgreementReport } from '../../renderer/src/core/links/agreement';
import { RELATIONS } from '../../renderer/src/core/links/link';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/**
 * The links part of the table report: links per annotator, then per pair one row for all relations
 * and one per relation (P, R, F1 with the counts they rest on), and the overall F1.
 */
export function linkTable(r: LinkAgreementReport): string[] {
  const counts = r.annotators.map((a) => `${a} ${r.n_links[a] ?? 0}`).join(', ');
  const out = [
    `Links: ${counts}${r.left_out > 0 ? ` (${r.left_out} not compared: an end outside the compared documents)` : ''}`,
  ];
  if (r.annotators.every((a) => (r.n_links[a] ?? 0) === 0)) return out;
  out.push(
    `${pad('Pair', 24)}${pad('Relation', 12)}${['P', 'R', 'F1'].map((h) => padStart(h, 7)).join('')}${['matched', 'a_only', 'b_only'].map((h) => padStart(h, 9)).join('')}`,
  );
  for (const [pair, scores] of Object.entries(r.pairs)) {
    for (const [i, rel] of (['overall', ...RELATIONS] as const).entries()) {
      const s = scores[rel];
      out.push(
        `${pad(i === 0 ? pair : '', 24)}${pad(rel, 12)}${[s.precision, s.recall, s.f1].map((f) => padStart(formatFigure(f), 7)).join('')}${[s.matched, s.a_only, s.b_only].map((n) => padStart(String(n), 9)).join('')}`,
      );
    }
  }
  out.push(`Link F1 overall (mean over pairs): ${formatFigure(r.overall_f1)}`);
  return out;
}
