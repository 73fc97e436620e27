/** The label, scroll and data-path phases of the bench (open is in run.ts). */
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { laidOut, loadApp, openDocument, scrollThrough } from './app-driver';
import { rotation, showBaseline, type Geometry, type Subject } from './baseline-phases';
import { article, caseSeed, spans } from './corpus';
import { labelByInput } from './input-label';
import type { SeededCase } from './lab/seed-db';
import { installProbe } from './probe';
import { fmt, percentile, summarize } from './stats';
import { startTrace } from './trace';
import { CodePointIndex } from '../renderer/src/core/text/code-points';

const r1 = (x: number): number => Math.round(x * 10) / 10;

const log = (s: string): void => void process.stdout.write(`${s}\n`);

/** The corpus spans of case `c` in UTF-16 (the probe compares them with what the browser paints). */
function spans16(c: SeededCase): [number, number, string][] {
  const index = new CodePointIndex(article(c.chars, caseSeed(c)));
  return spans(c.chars, c.spans, caseSeed(c) + 1).map((s) => [
    index.toUtf16(s.start),
    index.toUtf16(s.end),
    s.label,
  ]);
}

const APP_PROBE = { scroller: '.article-scroller', lines: '[data-testid="article"] .m-paragraph' };
const LAB_PROBE = { scroller: '#scroller', lines: '#article .m-paragraph' };

/** Opens case `c` in the app and waits until it is laid out whole (ms it took after the open). */
async function openLaidOut(page: Page, base: string, c: SeededCase): Promise<number> {
  await loadApp(page, base);
  await openDocument(page, c.title, null);
  return laidOut(page);
}

/**
 * Label latency with the largest case's spans present, on the app and the three baselines, their
 * repetitions interleaved: p50/p95 per run, medians across runs (bench/input-label.ts).
 */
export async function runLabel(
  page: Page,
  base: string,
  c: SeededCase,
  geometry: Geometry,
  runs: number,
  perRun: number,
  problems: string[],
) {
  const p50: Record<Subject, number[]> = { app: [], mark: [], css: [], win: [] };
  const p95: Record<Subject, number[]> = { app: [], mark: [], css: [], win: [] };
  const settled95: number[] = [];
  const laidOutMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const subject of rotation(r)) {
      const trace = r === 0 && subject === 'app' ? process.env['BENCH_TRACE'] : undefined;
      if (subject === 'app') {
        laidOutMs.push(await openLaidOut(page, base, c));
        await installProbe(page, { ...APP_PROBE, spans: [] });
      } else {
        await showBaseline(page, base, subject, c, geometry);
        await page.evaluate((kind) => window.__lab.armKeys(kind), subject);
        await installProbe(page, { ...LAB_PROBE, spans: [] });
      }
      const tracing = trace ? await startTrace(page, join(trace, 'label.json')) : null;
      const t = await labelByInput(page, subject, perRun, r);
      await tracing?.stop();
      const ok = t.painted.filter((x) => Number.isFinite(x));
      if (ok.length < t.painted.length)
        problems.push(
          `label ${subject} run ${r}: ${t.painted.length - ok.length} of ${t.painted.length} not shown (${t.painted.map(r1).join(' ')} ms)`,
        );
      if (t.misselected.length > 0)
        problems.push(
          `label ${subject} run ${r}: mouse selections came out wrong: ${t.misselected.join(', ')}`,
        );
      p50[subject].push(percentile(ok, 50));
      p95[subject].push(percentile(ok, 95));
      if (subject === 'app') settled95.push(percentile(t.settled, 95));
    }
  }
  const med = (xs: number[]): number => summarize(xs).median;
  const a = summarize(p95.app);
  const baseline = Math.min(med(p95.mark), med(p95.css));
  log(
    `label: p50 ${r1(med(p50.app))} ms, p95 ${fmt(a)}; settled p95 ${r1(med(settled95))} ms` +
      `  <mark> p50/p95 ${r1(med(p50.mark))}/${fmt(summarize(p95.mark))}` +
      `  CSS.highlights ${r1(med(p50.css))}/${fmt(summarize(p95.css))}` +
      `  windowed ${r1(med(p50.win))}/${fmt(summarize(p95.win))}` +
      `; whole article laid out ${r1(med(laidOutMs))} ms after its open was painted`,
  );
  return {
    spans: c.spans,
    labels_per_run: perRun,
    input: 'CDP mouse drag + key press; key event to the end of the frame showing the range',
    p50_ms: med(p50.app),
    p95_ms: a.median,
    p95_min_ms: a.min,
    p95_max_ms: a.max,
    settled_p95_ms: med(settled95),
    laid_out_after_open_ms: med(laidOutMs),
    baseline_p95_ms: baseline,
    ratio: a.median / baseline,
    windowed_ratio: a.median / med(p95.win),
    mark: { p50_ms: med(p50.mark), p95_ms: med(p95.mark) },
    css: { p50_ms: med(p50.css), p95_ms: med(p95.css) },
    windowed: { p50_ms: med(p50.win), p95_ms: med(p95.win) },
  };
}

/**
 * Scroll frames over the whole largest article, app and baselines interleaved: p95 frame per run and
 * the frames that showed a visible span without its highlight, medians across runs. Then the app
 * right after an open, while the article is still being laid out.
 */
export async function runScroll(
  page: Page,
  base: string,
  c: SeededCase,
  geometry: Geometry,
  runs: number,
  problems: string[],
) {
  const corpus = spans16(c);
  const p95: Record<Subject, number[]> = { app: [], mark: [], css: [], win: [] };
  const late: Record<Subject, number[]> = { app: [], mark: [], css: [], win: [] };
  let frames = 0;
  for (let r = 0; r < runs; r++) {
    for (const subject of rotation(r)) {
      if (subject === 'app') {
        await openLaidOut(page, base, c);
        await installProbe(page, { ...APP_PROBE, spans: corpus });
      } else {
        await showBaseline(page, base, subject, c, geometry);
        await installProbe(page, { ...LAB_PROBE, spans: corpus });
      }
      const trace = r === 0 && subject === 'app' ? process.env['BENCH_TRACE'] : undefined;
      const tracing = trace ? await startTrace(page, join(trace, 'scroll.json')) : null;
      // <mark> paints every span with its text: nothing to check.
      const s = await scrollThrough(
        page,
        subject === 'app' ? APP_PROBE.scroller : LAB_PROBE.scroller,
        subject !== 'mark',
      );
      await tracing?.stop();
      p95[subject].push(percentile(s.work, 95));
      late[subject].push(s.late.filter((n) => n > 0).length);
      if (subject === 'app') frames = s.work.length;
    }
  }
  // Right after the open, before the article is laid out whole (the first ~2–3 s on the 1M article).
  const during: number[] = [];
  const duringLate: number[] = [];
  let duringFrames = 0;
  for (let r = 0; r < runs; r++) {
    await loadApp(page, base);
    await openDocument(page, c.title, null);
    await installProbe(page, { ...APP_PROBE, spans: corpus });
    const s = await scrollThrough(page, APP_PROBE.scroller, true, true);
    if (s.startTop !== 0) problems.push(`scroll during layout started at ${s.startTop} px, not the top`);
    // A 100k article (the quick bench's largest) is laid out within a few frames, leaving nothing to
    // measure; the 1M article takes seconds, so there too few frames means the measurement failed.
    if (s.work.length < 10 && c.chars >= 1_000_000)
      problems.push(`scroll during layout: only ${s.work.length} frames before it was laid out`);
    else if (s.work.length < 10)
      log(
        `scroll during layout: ${c.chars} characters were laid out within ${s.work.length} frames (measured on the full bench's 1M article)`,
      );
    during.push(percentile(s.work, 95));
    duringLate.push(s.late.filter((n) => n > 0).length);
    duringFrames = s.work.length;
  }
  const med = (xs: number[]): number => summarize(xs).median;
  const a = summarize(p95.app);
  const baseline = Math.min(med(p95.mark), med(p95.css));
  log(
    `scroll: p95 frame ${fmt(a)} ms over ${frames} frames, late frames ${med(late.app)} (per run ${late.app.join(', ')})` +
      `  <mark> ${fmt(summarize(p95.mark))}  CSS.highlights ${fmt(summarize(p95.css))}` +
      `  windowed ${fmt(summarize(p95.win))} (late frames ${med(late.win)})` +
      `; while laid out: p95 ${fmt(summarize(during))} ms over ${duringFrames} frames, late frames ${med(duringLate)}`,
  );
  return {
    chars: c.chars,
    p95_frame_ms: a.median,
    min_ms: a.min,
    max_ms: a.max,
    frames,
    late_frames: med(late.app),
    baseline_p95_frame_ms: baseline,
    ratio: a.median / baseline,
    mark_p95_frame_ms: med(p95.mark),
    css_p95_frame_ms: med(p95.css),
    windowed_p95_frame_ms: med(p95.win),
    windowed_late_frames: med(late.win),
    css_late_frames: med(late.css),
    during_layout: { p95_frame_ms: med(during), frames: duringFrames, late_frames: med(duringLate) },
  };
}

/** Data jobs to run (BENCH_DATA_JOBS=export_corpus,… for working on one; default: all of them). */
export const DATA_JOBS = new Set(
  (process.env['BENCH_DATA_JOBS'] ?? 'import,export,agreement,agreement_corpus,export_corpus').split(','),
);

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
  const floor: number[] = [];
  const batch = { ms: [] as number[], parse: [] as number[], encode: [] as number[], store: [] as number[] };
  // BENCH_DATA_JOBS=import_batch: the floor and the batch shape alone (no 100 s import per run).
  const batchOnly = DATA_JOBS.has('import_batch') && !DATA_JOBS.has('import');
  for (let r = 0; (DATA_JOBS.has('import') || batchOnly) && r < runs; r++) {
    await page.evaluate((lines) => window.__lab.prepareImport(lines), lines);
    await collectGarbage();
    // The floor first: the import hands the file's bytes over to its worker.
    const f = await page.evaluate((lines) => window.__lab.importFloorJob(lines), lines);
    floor.push(f.ms);
    await collectGarbage();
    // Issue 20's storage shape, measured before the import uses it (bench/lab/import-batch-job.ts).
    const b = await page.evaluate((lines) => window.__lab.importBatchJob(lines), lines);
    [batch.ms, batch.parse, batch.encode, batch.store].forEach((list, k) =>
      list.push([b.ms, b.parse_ms, b.encode_ms, b.store_ms][k]!),
    );
    await collectGarbage();
    if (batchOnly) continue;
    const x = await page.evaluate(({ lines, r }) => window.__lab.importJob(lines, r), { lines, r });
    if (x.documents !== lines) problems.push(`import stored ${x.documents} of ${lines} documents`);
    imp.push(x.ms);
    longest.push(x.longest_task_ms);
    parse.push(x.parse_ms);
  }
  const i = summarize(imp);
  const fl = summarize(floor);
  // The import hashes every text once: which sha256 is fastest in its worker (bench/lab/hash-job.ts)?
  const hash =
    DATA_JOBS.has('import') || DATA_JOBS.has('hash')
      ? await page.evaluate(({ lines, runs }) => window.__lab.hashJob(lines, runs), { lines, runs })
      : { noble: [], js: [], subtle: [] };
  if (hash.js.length > 0)
    log(
      `hashing ${lines} texts in a worker: noble ${fmt(summarize(hash.noble))} ms, the app's sha256 ${fmt(summarize(hash.js))} ms, crypto.subtle ${fmt(summarize(hash.subtle))} ms`,
    );
  const bm = summarize(batch.ms);
  if (batch.ms.length > 0)
    log(
      `import ${lines} lines parsed by the app and stored as batch rows (not yet the app's import): ${fmt(bm)} ms (parse ${fmt(summarize(batch.parse))} ms, store ${fmt(summarize(batch.store))} ms of which rows built and encoded ${fmt(summarize(batch.encode))} ms), ${r1(bm.median / fl.median)}× the floor (${fmt(fl)} ms)`,
    );
  if (imp.length > 0)
    log(
      `import ${lines} lines: ${fmt(i)} ms (parse ${r1(summarize(parse).median)} ms), floor ${fmt(fl)} ms, ${r1(i.median / fl.median)}× the floor; longest task ${r1(summarize(longest).median)} ms (per run: ${longest.map(r1).join(', ')})`,
    );
  const [docs, per] = quick ? [10, 1000] : [100, 1000];
  const exp: number[] = [];
  for (let r = 0; DATA_JOBS.has('export') && r < runs; r++)
    exp.push((await page.evaluate(({ docs, per }) => window.__lab.exportJob(docs, per), { docs, per })).ms);
  const e = summarize(exp);
  if (exp.length > 0) log(`export ${docs * per} spans: ${fmt(e)} ms`);
  const study = quick
    ? { documents: 100, annotators: 5, perDoc: 50 }
    : { documents: 1000, annotators: 5, perDoc: 50 };
  const agr: number[] = [];
  for (let r = 0; DATA_JOBS.has('agreement') && r < runs; r++)
    agr.push(
      await page.evaluate((s) => window.__lab.agreementJob(s.documents, s.annotators, s.perDoc), study),
    );
  const g = summarize(agr);
  if (agr.length > 0) log(`agreement ${study.documents}×${study.annotators}×${study.perDoc}: ${fmt(g)} ms`);
  // Issue 20 item 3: the corpus a team produces (10,000 articles × 3 annotators), full runs only:
  // stored as the import stores it, read and computed as the Agreement view does (lab/agreement-corpus.ts).
  const corpus = { documents: 10_000, annotators: 3, perDoc: 50 };
  const ac =
    !quick && DATA_JOBS.has('agreement_corpus')
      ? await page.evaluate(
          (s) => window.__lab.agreementCorpusJob(s.documents, s.annotators, s.perDoc, s.runs),
          { ...corpus, runs },
        )
      : null;
  const gc = ac ? summarize(ac.ms) : null;
  if (ac && gc)
    log(
      `agreement ${corpus.documents}×${corpus.annotators}×${corpus.perDoc} (read from batch rows and computed in the worker, ${ac.progress} progress messages): ${fmt(gc)} ms, of which reading ${fmt(summarize(ac.read_ms))} ms; the page's longest task ${fmt(summarize(ac.longest_task_ms))} ms`,
    );
  const exportCorpus = DATA_JOBS.has('export_corpus') ? await runExportCorpus(page, runs, quick) : null;
  return {
    complete: ['import', 'export', 'agreement', 'agreement_corpus', 'export_corpus'].every((j) =>
      DATA_JOBS.has(j),
    ),
    import: {
      lines,
      ms: i.median,
      min_ms: i.min,
      max_ms: i.max,
      lines_per_s: (lines / i.median) * 1000,
      floor_ms: fl.median,
      ratio: i.median / fl.median,
      longest_task_ms: summarize(longest).median,
      longest_task_max_ms: summarize(longest).max,
      hash_noble_ms: summarize(hash.noble).median,
      hash_js_ms: summarize(hash.js).median,
      hash_subtle_ms: summarize(hash.subtle).median,
      ...(batch.ms.length > 0 && {
        batch_shape_ms: bm.median,
        batch_shape_parse_ms: summarize(batch.parse).median,
        batch_shape_store_ms: summarize(batch.store).median,
        batch_shape_encode_ms: summarize(batch.encode).median,
        batch_shape_ratio: bm.median / fl.median,
      }),
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
    ...(ac &&
      gc && {
        agreement_corpus: {
          documents: corpus.documents,
          annotators: corpus.annotators,
          spans_per_annotator: corpus.perDoc,
          ms: gc.median,
          min_ms: gc.min,
          max_ms: gc.max,
          read_ms: summarize(ac.read_ms).median,
          longest_task_ms: summarize(ac.longest_task_ms).max,
          progress_messages: ac.progress,
        },
      }),
    ...(exportCorpus && { export_corpus: exportCorpus }),
  };
}

/**
 * Issue 20 item 3: the whole library's native JSONL streamed to a file, beside the floor (the same
 * bytes written in the same pieces), interleaved in the page (lab/export-corpus.ts). Target ≤ 2×.
 */
async function runExportCorpus(page: Page, runs: number, quick: boolean) {
  const documents = Number(process.env['BENCH_EXPORT_DOCS'] ?? (quick ? 2_000 : 100_000));
  const annotators = 3;
  // The JS heap sampled while the job runs (CDP answers while the page is busy); the peak inside the
  // timed exports says whether memory stays bounded by a few pages.
  const cdp = await page.context().newCDPSession(page);
  const heap: [number, number][] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      heap.push([Date.now(), usedSize / 1e6]);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const x = await page
    .evaluate(
      ({ documents, annotators, runs }) => window.__lab.exportCorpusJob(documents, annotators, runs),
      { documents, annotators, runs },
    )
    .finally(() => (sampling = false));
  await sampler;
  await cdp.detach();
  // The page also holds the floor's recorded pieces (~2 bytes per character): the export's own memory
  // is the growth over the heap at its start.
  const growth = x.windows.map(([a, b]) => {
    const mb = heap.filter(([t]) => t >= a && t <= b).map(([, v]) => v);
    return mb.length > 0 ? Math.max(...mb) - mb[0]! : Number.NaN;
  });
  const heapGrowth = Math.max(...growth);
  const [m, f] = [summarize(x.ms), summarize(x.floor_ms)];
  log(
    `export corpus ${documents}×${annotators} (${x.records} records, ${r1(x.bytes / 1e6)} MB): ${fmt(m)} ms, floor ${fmt(f)} ms, ${r1(m.median / f.median)}× the floor; JS heap growth during an export ≤ ${r1(heapGrowth)} MB (per run ${growth.map(r1).join(', ')}), ${x.progress_calls} progress calls`,
  );
  return {
    documents,
    annotators,
    records: x.records,
    bytes: x.bytes,
    ms: m.median,
    min_ms: m.min,
    max_ms: m.max,
    floor_ms: f.median,
    ratio: m.median / f.median,
    heap_growth_mb: heapGrowth,
  };
}
