import { formatFigure, NA_REASONS } from '../../renderer/src/core/agreement-report/format';
import { overallFigures } from '../../renderer/src/core/agreement-report/summary';
import type { AgreementReport } from '../../renderer/src/core/agreement/types';
import type { LinkAgreementReport } from '../../renderer/src/core/links/agreement';
import { LABELS } from '../../renderer/src/core/model/labels';
import { linkTable } from './agreement-links-table';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The human-readable report, one line per entry: counts, headline figures (n/a with the reason), labels, pairs. */
export function tableReport(
  r: AgreementReport,
  annotators: readonly string[],
  labels: readonly string[] | null,
  warnings: readonly string[],
  links: LinkAgreementReport,
): string[] {
  const out: string[] = [];
  out.push(`${r.n_documents} document(s), ${r.n_tokens} tokens; annotators: ${annotators.join(', ')}`);
  out.push(
    `Spans: ${Object.entries(r.n_spans)
      .map(([a, n]) => `${a} ${n}`)
      .join(', ')}`,
  );
  out.push('');
  for (const f of overallFigures(r)) {
    const v = f.value === null ? `n/a (${f.naReason})` : formatFigure(f.value);
    out.push(`${pad(f.name, 34)}${padStart(v, 8)}   ${f.basis}`);
  }
  out.push(
    '',
    `${pad('Label', 14)}${padStart('α', 8)}${padStart('κ mean', 8)}${padStart('F1 ovl', 8)}${padStart('αU', 8)}   spans`,
  );
  for (const label of labels ?? LABELS) {
    const t = r.token.per_label[label];
    const cells = [
      t?.krippendorff_alpha ?? null,
      t?.cohen_kappa.mean ?? null,
      r.span.overlap.per_label[label]?.mean_f1 ?? null,
      r.unitizing.per_label[label] ?? null,
    ];
    const spans = Object.entries(r.n_spans_by_label)
      .map(([a, by]) => `${a} ${by[label] ?? 0}`)
      .join(', ');
    out.push(`${pad(label, 14)}${cells.map((c) => padStart(formatFigure(c), 8)).join('')}   ${spans}`);
  }
  out.push('', `${pad('Pair', 24)}${padStart('κ', 8)}${padStart('F1 ovl', 8)}${padStart('F1 exact', 9)}`);
  for (const [pair, k] of Object.entries(r.token.cohen_kappa.pairs)) {
    const o = r.span.overlap.pairs[pair]?.f1 ?? null;
    const e = r.span.exact.pairs[pair]?.f1 ?? null;
    out.push(
      `${pad(pair, 24)}${padStart(formatFigure(k), 8)}${padStart(formatFigure(o), 8)}${padStart(formatFigure(e), 9)}`,
    );
  }
  out.push('', ...linkTable(links));
  out.push('', `n/a: a figure that is 0/0 (for a pair: ${NA_REASONS.pair}); never shown as 0.`);
  if (r.unitizing.not_applicable) {
    for (const [l, why] of Object.entries(r.unitizing.not_applicable))
      out.push(`αU ${l} not applicable: ${why}`);
  }
  for (const w of warnings) out.push(`warning: ${w}`);
  return out;
}
