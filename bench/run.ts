/**
 * `npm run bench [-- --quick]`: builds the app, serves it, drives Debian's headless Chromium and
 * measures the figures of issue 6 against the two no-framework baselines. Prints a table and writes
 * results JSON. Timing never fails the run; wrong highlight counts or errors do (the CI smoke test).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { chromium, type Page } from '@playwright/test';

import { loadApp, openDocument } from './app-driver';
import { CodePointIndex } from '../renderer/src/core/text/code-points';
import { FULL_CASES, QUICK_CASES, article, caseSeed, caseTitle, spans, type BenchCase } from './corpus';
import type { SeededCase } from './lab/seed-db';
import { gotoLab, rotation, showBaseline, type Geometry, type Subject } from './baseline-phases';
import { runDataJobs, runLabel, runScroll } from './phases';
import { runSync } from './sync-phase';
import { runSuggest } from './suggest-phase';
import { runSuggestApp } from './suggest-app-phase';
import { runLibrary } from './library-phase';
import { buildAndServe } from './serve';
import { DATA_HEAD, HEAD, dataRows, markdownTable, summaryRows } from './report';
import { fmt, rounded, summarize, table } from './stats';
import { startTrace } from './trace';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// BENCH_RUNS overrides the number of runs (at least 5 for the published figures).
const RUNS = Number(process.env['BENCH_RUNS'] ?? (quick ? 3 : 5));
const PORT = Number(process.env['BENCH_PORT'] ?? 4179);
const root = process.cwd();
const outFile = quick
  ? join(root, 'node_modules', '.cache', 'marginalia-bench', 'results-quick.json')
  : join(root, 'bench', 'results.json');
const problems: string[] = [];
// For working on one figure: BENCH_CASES=1000000x10000 BENCH_PHASES=open,label (default: everything).
const onlyCases = process.env['BENCH_CASES']?.split(',');
const phases = new Set(
  (process.env['BENCH_PHASES'] ?? 'open,label,scroll,data,sync,suggest,library').split(','),
);
const chosen = (quick ? QUICK_CASES : FULL_CASES).filter(
  (c) => !onlyCases || onlyCases.includes(`${c.chars}x${c.spans}`),
);
const log = (s: string): void => void process.stdout.write(`${s}\n`);

/** Spans of case `c` intersecting the UTF-16 window [lo, hi), computed from the corpus, not the app. */
function spansInWindow(c: BenchCase, [lo, hi]: [number, number]): number {
  const index = new CodePointIndex(article(c.chars, caseSeed(c)));
  return spans(c.chars, c.spans, caseSeed(c) + 1).filter(
    (s) => index.toUtf16(s.start) < hi && index.toUtf16(s.end) > lo,
  ).length;
}

async function openPhase(
  page: Page,
  base: string,
  cases: readonly SeededCase[],
  geometry: Geometry,
  heap: () => Promise<number>,
) {
  const rows = [];
  let heapMb = Number.NaN;
  for (const c of cases) {
    // The first open after seeding (as after an import) reads the span rows and builds the span pack.
    await loadApp(page, base);
    const first = (await openDocument(page, c.title, c.spans)).ms;
    const times: Record<Subject, number[]> = { app: [], mark: [], css: [], win: [] };
    for (let r = 0; r < RUNS; r++) {
      for (const subject of rotation(r)) {
        if (subject !== 'app') {
          const b = await showBaseline(page, base, subject, c, geometry);
          if (subject === 'css' && b.painted !== c.spans)
            problems.push(`CSS baseline painted ${b.painted} of ${c.spans}`);
          if (subject === 'win' && !(b.painted > 0)) problems.push(`windowed baseline painted nothing`);
          times[subject].push(b.ms);
          continue;
        }
        await loadApp(page, base);
        // BENCH_TRACE=dir writes a Chromium performance trace of each case's last open (chrome://tracing).
        const trace = r === RUNS - 1 ? process.env['BENCH_TRACE'] : undefined;
        const tracing = trace ? await startTrace(page, join(trace, `open-${c.chars}x${c.spans}.json`)) : null;
        const o = await openDocument(page, c.title, c.spans);
        await tracing?.stop();
        const want = spansInWindow(c, o.window);
        if (o.painted !== want)
          problems.push(`${c.title}: app painted ${o.painted}, expected ${want} in ${o.window}`);
        times.app.push(o.ms);
      }
    }
    if (c === cases[cases.length - 1]) {
      await loadApp(page, base);
      await openDocument(page, c.title, c.spans);
      heapMb = await heap();
    }
    const [a, m, h, w] = [
      summarize(times.app),
      summarize(times.mark),
      summarize(times.css),
      summarize(times.win),
    ];
    const baseline = Math.min(m.median, h.median);
    rows.push({
      chars: c.chars,
      spans: c.spans,
      ms: a.median,
      baseline_ms: baseline,
      ratio: a.median / baseline,
      windowed_baseline_ms: w.median,
      windowed_ratio: a.median / w.median,
      first_open_ms: first,
      app: a,
      mark: m,
      css: h,
      windowed: w,
    });
    log(
      `open ${caseTitle(c)}: app ${fmt(a)} (first open ${Math.round(first)})  <mark> ${fmt(m)}  CSS.highlights ${fmt(h)}  windowed ${fmt(w)}`,
    );
  }
  return { rows, heapMb };
}

/** The size of the app's article scroller at the bench's window size (the baselines take it). */
async function articleGeometry(page: Page, base: string): Promise<Geometry> {
  await loadApp(page, base);
  return page.evaluate(() => {
    const r = document.querySelector('.article-scroller')?.getBoundingClientRect();
    if (!r) throw new Error('no article scroller');
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });
}

async function main(): Promise<void> {
  const served = await buildAndServe(root, PORT);
  // A persistent profile on disk, as the desktop app has: an incognito context (browser.newContext)
  // keeps IndexedDB in memory, in a different backing store with different costs.
  const profile = mkdtempSync(join(tmpdir(), 'marginalia-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const browser = context.browser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') log(`page ${m.type()}: ${m.text()}`);
    });
    const cdp = await context.newCDPSession(page);
    const collectGarbage = async (): Promise<void> => void (await cdp.send('HeapProfiler.collectGarbage'));
    const heap = async (): Promise<number> => {
      await collectGarbage();
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    };
    // The app creates its database (current schema) on first load; the lab then fills it.
    await page.goto(`${served.url}/`);
    await page.getByRole('textbox', { name: 'Annotator name' }).waitFor();
    await gotoLab(page, served.url);
    const seeded = await page.evaluate(({ cases }) => window.__lab.seed(cases, 'bench'), {
      cases: chosen as BenchCase[],
    });
    const largest = seeded[seeded.length - 1] as SeededCase;
    const geometry = await articleGeometry(page, served.url);
    log(`article scroller ${geometry.width}×${geometry.height} px (the baselines take the same)`);
    const open = phases.has('open')
      ? await openPhase(page, served.url, seeded, geometry, heap)
      : { rows: [], heapMb: NaN };
    const label = phases.has('label')
      ? await runLabel(page, served.url, largest, geometry, RUNS, quick ? 10 : 50, problems)
      : null;
    const scroll = phases.has('scroll')
      ? await runScroll(page, served.url, largest, geometry, RUNS, problems)
      : null;
    await gotoLab(page, served.url);
    const data = phases.has('data') ? await runDataJobs(page, RUNS, quick, problems, collectGarbage) : null;
    // Issue 15: team sync against an embedded server, in two fresh browser profiles of its own.
    const sync = phases.has('sync') ? await runSync(root, served.url, quick, RUNS, problems) : null;
    // Issue 16: link suggestions for one claim over 10,000 articles (core code, in Node).
    const suggest = phases.has('suggest') ? runSuggest(quick, RUNS) : null;
    if (suggest)
      log(
        `suggest: ${suggest.articles} articles, ${suggest.queries} queries, median ${suggest.ms.toFixed(1)} ms`,
      );
    // The same in the app: import, the worker's index, and the click-to-panel time (suggest-app-phase.ts).
    const suggestApp = phases.has('suggest_app')
      ? await runSuggestApp(context, served.url, quick, RUNS)
      : null;
    if (suggestApp)
      log(
        `suggest in the app: ${suggestApp.articles} articles, import ${suggestApp.import_ms} ms, index ${suggestApp.index_ms} ms, click to panel median ${suggestApp.shown_ms.toFixed(1)} ms (${suggestApp.min_ms.toFixed(1)}–${suggestApp.max_ms.toFixed(1)}), worker ${suggestApp.worker_ms} ms`,
      );
    // Issue 20 item 2: a library of 1,000,000 articles imported through the app (library-phase.ts).
    const library = phases.has('library')
      ? await runLibrary(page, cdp, served.url, quick, RUNS, problems)
      : null;
    if (!label || !scroll || !data?.complete || !sync || !suggest || !library) {
      // BENCH_PHASES=sync, =suggest or =library alone refreshes only those figures of bench/results.json.
      const only =
        phases.size === 1 ? (sync ? { sync } : suggest ? { suggest } : library ? { library } : null) : null;
      if (only && !quick) {
        // bench/results.json is not versioned: a fresh clone has none to refresh yet.
        const old = existsSync(outFile)
          ? (JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, unknown>)
          : {};
        const date = new Date().toISOString();
        const [name, figures] = Object.entries(only)[0] as [string, object];
        writeFileSync(
          outFile,
          `${JSON.stringify({ ...old, [name]: rounded({ ...figures, date }) }, null, 2)}\n`,
        );
        log(`partial run (BENCH_PHASES=${name}): wrote only the ${name} figures to ${outFile}`);
        return report();
      }
      log('partial run (BENCH_PHASES): no table, no results file');
      return report();
    }
    const { complete: _complete, ...dataFigures } = data;
    const results = rounded({
      meta: {
        quick,
        runs: RUNS,
        date: new Date().toISOString(),
        chromium: browser?.version() ?? '',
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? '',
      },
      open: open.rows,
      label,
      scroll,
      memory: { chars: largest.chars, spans: largest.spans, heap_mb: open.heapMb },
      ...dataFigures,
      sync,
      suggest,
      library,
    });
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    const rows = summaryRows(results);
    const dataTable = dataRows(results);
    log('');
    log(table(HEAD, rows));
    log('');
    log(table(DATA_HEAD, dataTable));
    // The README's bench section is these two tables, each figure beside its limit and its target.
    if (!quick)
      writeFileSync(
        join(root, 'bench', 'results.md'),
        `${markdownTable(HEAD, rows)}\n\n${markdownTable(DATA_HEAD, dataTable)}\n`,
      );
    log(`\nwrote ${outFile}`);
  } finally {
    await context.close();
    await served.close();
    rmSync(profile, { recursive: true, force: true });
  }
  report();
}

function report(): void {
  if (problems.length === 0) return;
  log(`\nFAILED checks:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  problems.length = 0;
  process.exitCode = 1;
}

await main();
