/** The label, scroll and data-path phases of the bench (open is in run.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { labelSelections, laidOut, loadApp, openDocument, scrollThrough } from './app-driver';
import { labelBaselines, scrollBaselines } from './baseline-phases';
import type { SeededCase } from './lab/seed-db';
import { fmt, percentile, summarize } from './stats';
import { startTrace } from './trace';

const r1 = (x: number): number => Math.round(x * 10) / 10;

const log = (s: string): void => void process.stdout.write(`${s}\n`);

/** Label latency with the largest case's spans present: p50/p95 per run, medians across runs. */
export async function runLabel(
  page: Page,
  base: string,
  c: SeededCase,
  runs: number,
  perRun: number,
  problems: string[],
) {
  const p50: number[] = [];
  const p95: number[] = [];
  const settled95: number[] = [];
  const laidOutMs: number[] = [];
  let present = c.spans;
  for (let r = 0; r < runs; r++) {
    await loadApp(page, base);
    present = (await openDocument(page, c.title, null)).total;
    laidOutMs.push(await laidOut(page));
    // BENCH_PROFILE=file.cpuprofile records the first run's labels with the V8 profiler (DevTools format).
    const profile = r === 0 ? process.env['BENCH_PROFILE'] : undefined;
    const cdp = profile ? await page.context().newCDPSession(page) : null;
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    const trace = r === 0 ? process.env['BENCH_TRACE'] : undefined;
    const tracing = trace ? await startTrace(page, join(trace, 'label.json')) : null;
    const both = await labelSelections(page, perRun, r);
    const ms = both.map(([painted]) => painted);
    const settled = both.map(([, s]) => s).filter((x) => Number.isFinite(x) && x >= 0);
    await tracing?.stop();
    if (cdp && profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const ok = ms.filter((x) => Number.isFinite(x) && x >= 0);
    const refused = ms.filter((x) => x === -1).length;
    const tried = ms.length - refused;
    if (ok.length < tried)
      problems.push(
        `label run ${r}: ${tried - ok.length} of ${tried} not painted (${ms.map(r1).join(' ')} ms)`,
      );
    p50.push(percentile(ok, 50));
    p95.push(percentile(ok, 95));
    settled95.push(percentile(settled, 95));
  }
  const [a, b] = [summarize(p50), summarize(p95)];
  const st = summarize(settled95);
  const limit = await labelBaselines(page, base, c, runs, perRun, problems);
  const baseline = Math.min(limit.mark.p95.median, limit.css.p95.median);
  log(
    `label: p50 ${r1(a.median)} ms, p95 ${r1(b.median)} ms (${r1(b.min)}–${r1(b.max)}); settled p95 ${r1(st.median)} ms` +
      `  <mark> p50/p95 ${r1(limit.mark.p50.median)}/${fmt(limit.mark.p95)}` +
      `  CSS.highlights p50/p95 ${r1(limit.css.p50.median)}/${fmt(limit.css.p95)}` +
      `; whole article laid out ${r1(summarize(laidOutMs).median)} ms after its open was painted`,
  );
  return {
    present,
    spans: c.spans,
    labels_per_run: perRun,
    p50_ms: a.median,
    p95_ms: b.median,
    p95_min_ms: b.min,
    p95_max_ms: b.max,
    settled_p95_ms: st.median,
    laid_out_after_open_ms: summarize(laidOutMs).median,
    baseline_p95_ms: baseline,
    ratio: b.median / baseline,
    mark: { p50_ms: limit.mark.p50.median, p95_ms: limit.mark.p95.median },
    css: { p50_ms: limit.css.p50.median, p95_ms: limit.css.p95.median },
  };
}

/** Scroll frame work over the whole largest article, p95 per run, median across runs. */
export async function runScroll(page: Page, base: string, c: SeededCase, runs: number) {
  const p95: number[] = [];
  const intervals: number[] = [];
  let frames = 0;
  await loadApp(page, base);
  await openDocument(page, c.title, null);
  await laidOut(page);
  for (let r = 0; r < runs; r++) {
    const trace = r === 0 ? process.env['BENCH_TRACE'] : undefined;
    const tracing = trace ? await startTrace(page, join(trace, 'scroll.json')) : null;
    const s = await scrollThrough(page);
    await tracing?.stop();
    p95.push(percentile(s.work, 95));
    intervals.push(percentile(s.intervals, 95));
    frames = s.work.length;
  }
  const a = summarize(p95);
  const limit = await scrollBaselines(page, base, c, runs);
  const baseline = Math.min(limit.mark.median, limit.css.median);
  log(
    `scroll: p95 frame ${fmt(a)} ms over ${frames} frames  <mark> ${fmt(limit.mark)}  CSS.highlights ${fmt(limit.css)}`,
  );
  return {
    chars: c.chars,
    p95_frame_ms: a.median,
    min_ms: a.min,
    max_ms: a.max,
    frames,
    p95_interval_ms: summarize(intervals).median,
    baseline_p95_frame_ms: baseline,
    ratio: a.median / baseline,
    mark_p95_frame_ms: limit.mark.median,
    css_p95_frame_ms: limit.css.median,
  };
}

/** Import, export and agreement in the lab page (same origin as the app). */
export async function runDataJobs(
  page: Page,
  runs: number,
  quick: boolean,
  problems: string[],
  collectGarbage: () => Promise<void>,
) {
  const lines = Number(process.env['BENCH_IMPORT_LINES'] ?? (quick ? 2_000 : 100_000));
  const imp: number[] = [];
  const longest: number[] = [];
  const parse: number[] = [];
  for (let r = 0; r < runs; r++) {
    await page.evaluate((lines) => window.__lab.prepareImport(lines), lines);
    await collectGarbage();
    const x = await page.evaluate(({ lines, r }) => window.__lab.importJob(lines, r), { lines, r });
    if (x.documents !== lines) problems.push(`import stored ${x.documents} of ${lines} documents`);
    imp.push(x.ms);
    longest.push(x.longest_task_ms);
    parse.push(x.parse_ms);
  }
  const i = summarize(imp);
  log(
    `import ${lines} lines: ${fmt(i)} ms (parse ${r1(summarize(parse).median)} ms), longest task ${r1(summarize(longest).median)} ms (per run: ${longest.map(r1).join(', ')})`,
  );
  const [docs, per] = quick ? [10, 1000] : [100, 1000];
  const exp: number[] = [];
  for (let r = 0; r < runs; r++)
    exp.push((await page.evaluate(({ docs, per }) => window.__lab.exportJob(docs, per), { docs, per })).ms);
  const e = summarize(exp);
  log(`export ${docs * per} spans: ${fmt(e)} ms`);
  const study = quick
    ? { documents: 100, annotators: 5, perDoc: 50 }
    : { documents: 1000, annotators: 5, perDoc: 50 };
  const agr: number[] = [];
  for (let r = 0; r < runs; r++)
    agr.push(
      await page.evaluate((s) => window.__lab.agreementJob(s.documents, s.annotators, s.perDoc), study),
    );
  const g = summarize(agr);
  log(`agreement ${study.documents}×${study.annotators}×${study.perDoc}: ${fmt(g)} ms`);
  return {
    import: {
      lines,
      ms: i.median,
      min_ms: i.min,
      max_ms: i.max,
      lines_per_s: (lines / i.median) * 1000,
      longest_task_ms: summarize(longest).median,
      longest_task_max_ms: summarize(longest).max,
    },
    export: { spans: docs * per, ms: e.median, min_ms: e.min, max_ms: e.max },
    agreement: {
      documents: study.documents,
      annotators: study.annotators,
      spans_per_annotator: study.perDoc,
      ms: g.median,
      min_ms: g.min,
      max_ms: g.max,
      off_main_thread: true,
    },
  };
}
