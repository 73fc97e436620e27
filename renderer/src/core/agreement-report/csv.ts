import type { AgreementReport, Figure, PairSpanScore } from '../agreement/types';
import type { AgreementResult } from './result';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  // Spreadsheets run a cell starting with = + - @ as a formula; titles come from imported files.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = ['section', 'figure', 'label', 'pair', 'value', 'defined', 'basis'];

/**
 * The report as one long CSV table: one row per figure with its section, label (empty: all
 * labels), pair (empty: all annotators), value (empty when undefined, with `defined` false so
 * n/a never reads as 0) and what the figure rests on. Then one row per document figure.
 */
export function reportToCsv(result: AgreementResult): string {
  const rows: (string | number | null)[][] = [HEADER];
  const r = result.report;
  const add = (
    section: string,
    figure: string,
    label: string,
    pair: string,
    v: Figure,
    basis: string,
  ): void => {
    rows.push([section, figure, label, pair, v, v === null ? 'false' : 'true', basis]);
  };
  const tokens = `${r.n_tokens} tokens, ${r.n_documents} documents`;
  rows.push(...countRows(r));
  for (const match of ['exact', 'overlap'] as const) {
    const m = r.span[match];
    const spanRows = (label: string, pairs: Readonly<Record<string, PairSpanScore>>, mean: Figure): void => {
      for (const [pair, s] of Object.entries(pairs)) {
        const basis = `${s.matched} matched; ${s.n_ref} reference, ${s.n_other} other spans`;
        add(`span_${match}`, 'precision', label, pair, s.p, basis);
        add(`span_${match}`, 'recall', label, pair, s.r, basis);
        add(`span_${match}`, 'f1', label, pair, s.f1, basis);
      }
      add(`span_${match}`, 'mean_f1', label, '', mean, `${Object.keys(pairs).length} pairs`);
    };
    spanRows('', m.pairs, m.mean_f1);
    for (const [label, p] of Object.entries(m.per_label)) spanRows(label, p.pairs, p.mean_f1);
  }
  const tokenRows = (label: string, t: AgreementReport['token']['per_label'][string]): void => {
    for (const [pair, v] of Object.entries(t.cohen_kappa.pairs))
      add('token', 'cohen_kappa', label, pair, v, tokens);
    add('token', 'cohen_kappa_mean', label, '', t.cohen_kappa.mean, tokens);
    add('token', 'fleiss_kappa', label, '', t.fleiss_kappa, tokens);
    add('token', 'krippendorff_alpha', label, '', t.krippendorff_alpha, tokens);
  };
  tokenRows('', r.token);
  for (const [label, t] of Object.entries(r.token.per_label)) tokenRows(label, t);
  const extraRows = (label: string, t: AgreementReport['token_extra']['per_label'][string]): void => {
    for (const [pair, v] of Object.entries(t.scott_pi.pairs))
      add('token_extra', 'scott_pi', label, pair, v, tokens);
    add('token_extra', 'scott_pi_mean', label, '', t.scott_pi.mean, tokens);
    add('token_extra', 'multi_pi', label, '', t.multi_pi, tokens);
    add('token_extra', 'davies_fleiss_kappa', label, '', t.davies_fleiss_kappa, tokens);
  };
  extraRows('', r.token_extra);
  for (const [label, t] of Object.entries(r.token_extra.per_label)) extraRows(label, t);
  const u = r.unitizing;
  const units = `${u.units} units, continuum ${u.continuum_length}`;
  add('unitizing', 'alpha_u', '', '', u.alpha_u, units);
  for (const [label, v] of Object.entries(u.per_label)) {
    add(
      'unitizing',
      'alpha_u',
      label,
      '',
      v,
      u.not_applicable?.[label] ? `not applicable: ${u.not_applicable[label]}` : units,
    );
  }
  for (const d of result.documents) {
    const basis = `${d.nTokens} tokens; spans ${Object.entries(d.nSpans)
      .map(([a, n]) => `${a} ${n}`)
      .join(', ')}`;
    const doc = `${d.title} (${d.id})`;
    add('document', 'krippendorff_alpha', '', doc, d.krippendorffAlpha, basis);
    add('document', 'fleiss_kappa', '', doc, d.fleissKappa, basis);
    add('document', 'cohen_kappa_mean', '', doc, d.cohenKappaMean, basis);
    add('document', 'overlap_mean_f1', '', doc, d.overlapF1, basis);
    add('document', 'exact_mean_f1', '', doc, d.exactF1, basis);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function countRows(r: AgreementReport): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['count', 'documents', '', '', r.n_documents, 'true', ''],
    ['count', 'tokens', '', '', r.n_tokens, 'true', ''],
  ];
  for (const [a, n] of Object.entries(r.n_spans)) {
    rows.push(['count', 'spans', '', a, n, 'true', '']);
    for (const [label, k] of Object.entries(r.n_spans_by_label[a] ?? {}))
      rows.push(['count', 'spans', label, a, k, 'true', '']);
  }
  return rows;
}
