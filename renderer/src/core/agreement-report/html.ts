import type { AgreementResult } from './result';
import { figureWithReason, formatFigure, heatColor } from './format';
import { labelFigures, overallFigures, pairFigure } from './summary';
import { barChartSvg, escapeHtml as e, heatmapSvg } from './svg';

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;color:#222;margin:2em auto;max-width:60em;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.na{color:#666;font-style:italic}
.warn{background:#fff4d6;padding:.5em 1em;border-left:4px solid #d9a400}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}table,svg,section{break-inside:avoid}}
`;

const cell = (v: number | null, reason: string): string =>
  v === null ? `<td class="na">n/a — ${e(reason)}</td>` : `<td class="n">${formatFigure(v)}</td>`;

/**
 * The agreement report as one self-contained HTML page: inline CSS, inline SVG charts, no script
 * and no external resource, so it opens anywhere and prints. Every imported string is escaped.
 */
export function reportToHtml(result: AgreementResult): string {
  const r = result.report;
  const overall = overallFigures(r);
  const labels = labelFigures(r, result.labels);
  const ann = result.annotators;
  const counts = ann.map(
    (a) =>
      `<tr><td>${e(a)}</td><td class="n">${r.n_spans[a] ?? 0}</td>${result.labels.map((l) => `<td class="n">${r.n_spans_by_label[a]?.[l] ?? 0}</td>`).join('')}</tr>`,
  );
  const bars = (key: string, title: string): string =>
    `<h3>${e(title)}</h3>` +
    barChartSvg(
      title,
      labels.map((l) => {
        const f = l.figures.find((x) => x.key === key);
        const v = f?.value ?? null;
        return {
          label: l.label,
          value: v,
          note: v === null ? `n/a: ${f?.naReason ?? ''}` : (f?.basis ?? ''),
        };
      }),
    );
  const matrix = (metric: 'kappa' | 'f1', title: string): string =>
    `<h3>${e(title)}</h3>` +
    heatmapSvg(title, ann, ann, (i, j) => {
      const f = pairFigure(r, ann[i] as string, ann[j] as string, metric);
      return f && { value: f.value };
    });
  const confusions = result.confusions.map((c) => {
    const head = c.categories.map((k) => `<th>${e(k)}</th>`).join('');
    const body = c.counts
      .map((row, x) => {
        const max = Math.max(1, ...row);
        const cells = row.map(
          (n, y) =>
            `<td class="n" style="background:${x === y ? heatColor(1) : n > 0 ? heatColor(1 - n / max) : '#fff'}">${n}</td>`,
        );
        return `<tr><th>${e(c.categories[x] ?? '')}</th>${cells.join('')}</tr>`;
      })
      .join('');
    return `<section><h3>${e(c.rowAnnotator)} (rows) × ${e(c.columnAnnotator)} (columns), ${c.nTokens} tokens</h3><table><tr><th></th>${head}</tr>${body}</table></section>`;
  });
  const docs = result.documents.map(
    (d) =>
      `<tr><td>${e(d.title)}</td><td class="n">${d.nTokens}</td><td>${e(
        Object.entries(d.nSpans)
          .map(([a, n]) => `${a} ${n}`)
          .join(', '),
      )}</td>` +
      `${cell(d.krippendorffAlpha, 'one category only')}${cell(d.overlapF1, 'no spans')}${cell(d.cohenKappaMean, 'no defined pair')}</tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Agreement report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${CSS}</style></head><body>
<h1>Agreement report</h1>
<p>Computed ${e(result.computedAt)} by Marginalia over ${r.n_documents} document(s), ${r.n_tokens} tokens; annotators ${e(ann.join(', '))}; labels ${e(result.labels.join(', '))}. Definitions: docs/agreement.md.</p>
${result.warnings.length ? `<div class="warn"><strong>Left out or suspicious:</strong><ul>${result.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></div>` : ''}
<h2>Spans per annotator</h2>
<table><tr><th>Annotator</th><th>All</th>${result.labels.map((l) => `<th>${e(l)}</th>`).join('')}</tr>${counts.join('')}</table>
<h2>Overall</h2>
<table><tr><th>Figure</th><th>Value</th><th>Basis</th></tr>${overall.map((f) => `<tr><td>${e(f.name)}</td>${cell(f.value, f.naReason)}<td>${e(f.basis)}</td></tr>`).join('')}</table>
<h2>Per label</h2>
${bars('krippendorff_alpha', "Krippendorff's α per label")}
${bars('overlap_f1', 'Span F1 (overlap) per label')}
${bars('alpha_u', 'Unitizing αU per label')}
<h2>Annotator pairs</h2>
<p>Cohen's κ (tokens) and span F1 (overlap) for every pair. ${e(
    overall
      .map((f) => `${f.name}: ${figureWithReason(f.value, f.naReason)}`)
      .slice(2, 4)
      .join('; '),
  )}</p>
${matrix('kappa', "Cohen's κ per pair")}
${matrix('f1', 'Span F1 (overlap) per pair')}
<h2>Label confusion (tokens; O = no label)</h2>
${confusions.join('\n')}
<h2>Documents, worst first</h2>
<table><tr><th>Document</th><th>Tokens</th><th>Spans</th><th>α</th><th>F1 overlap</th><th>κ mean</th></tr>${docs.join('')}</table>
</body></html>
`;
}

/** The report as JSON: the engine's report (fixture structure) plus documents and confusions. */
export function reportToJson(result: AgreementResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
