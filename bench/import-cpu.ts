/**
 * `BENCH_ENTRY=import-cpu.ts npm run bench`: the import beside its floor (issue 20 item 1), measured
 * as CPU as well as wall clock. Runs the lab's `importFloorJob` then `importJob` (the bench's own
 * jobs) BENCH_RUNS times and sums the thread time (`tdur`) of the page's and the import worker's
 * top-level tasks from a light Chromium trace of each: under load the wall clock mostly measures
 * waiting for a core, thread time what the import itself costs. BENCH_TRACE=file also writes a
 * CPU-profiled trace of the last import (aggregate it per function for a profile of the worker).
 * Prints one JSON line per run.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type CDPSession } from '@playwright/test';

import { gotoLab } from './baseline-phases';
import { buildAndServe } from './serve';
import { startTrace } from './trace';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Thread time of the top-level tasks of the page's main thread and its dedicated workers, ms. */
function threadTime(events: readonly TraceEvent[]): number {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    const name = names.get(key) ?? '';
    if (e.ph !== 'X' || !TASKS.has(e.name)) continue;
    if (name !== 'CrRendererMain' && !name.startsWith('DedicatedWorker')) continue;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  let us = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    // Top level only: a task nested in another is already counted.
    let end = -Infinity;
    for (const t of list) {
      if (t.ts < end) continue;
      end = t.ts + (t.dur ?? 0);
      us += t.tdur ?? t.dur ?? 0;
    }
  }
  return us / 1000;
}

async function withThreadTime<T>(cdp: CDPSession, run: () => Promise<T>): Promise<[T, number]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', '__metadata'] },
  });
  const value = await run();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return [value, threadTime(events)];
}

const root = process.cwd();
const port = Number(process.env['BENCH_PORT'] ?? 4179);
const lines = Number(process.env['BENCH_IMPORT_LINES'] ?? 100_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 2);
const served = await buildAndServe(root, port);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'marginalia-bench-')), {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const collectGarbage = async () => void (await cdp.send('HeapProfiler.collectGarbage'));
  await gotoLab(page, served.url);
  for (let r = 0; r < runs; r++) {
    await page.evaluate((n) => window.__lab.prepareImport(n), lines);
    await collectGarbage();
    const [floor, floorCpu] = await withThreadTime(cdp, () =>
      page.evaluate((n) => window.__lab.importFloorJob(n), lines),
    );
    await collectGarbage();
    const trace = process.env['BENCH_TRACE'];
    const profiled = trace && r === runs - 1 ? await startTrace(page, trace) : null;
    const [imp, importCpu] = await withThreadTime(cdp, () =>
      page.evaluate(({ n, r }) => window.__lab.importJob(n, r), { n: lines, r }),
    );
    await profiled?.stop();
    const row = {
      floor_ms: floor.ms,
      import_ms: imp.ms,
      ratio: imp.ms / floor.ms,
      floor_cpu_ms: floorCpu,
      import_cpu_ms: importCpu,
      cpu_ratio: importCpu / floorCpu,
      longest_task_ms: imp.longest_task_ms,
      load: loadavg()[0],
    };
    process.stdout.write(`${JSON.stringify(row)}\n`);
  }
} finally {
  await context.close();
  await served.close();
}
