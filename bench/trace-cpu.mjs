// Main-thread CPU time of a trace written by BENCH_TRACE (bench/trace.ts): the renderer main thread's
// top-level tasks, summed as thread time (tdur, immune to waiting for a core under load) and as wall
// time, and the thread time of the main phases inside them. Usage: node bench/trace-cpu.mjs trace.json…
// With --label (a label phase's trace): per key press, the thread time from the task of its keydown to
// the end of the next frame that paints, then the median and p95 over the presses.
import { readFileSync } from 'node:fs';

const PHASES = {
  script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'v8.run', 'RunMicrotasks'],
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  prepaint: ['PrePaint'],
  paint: ['Paint'],
  layerize: ['Layerize', 'UpdateLayer', 'Commit'],
  canvas: [
    'Canvas2DResourceProviderSharedImage::ProduceCanvasResource',
    'CanvasRenderingContext2D::FinalizeFrame',
    'Canvas2DLayerBridge::FlushRecording',
    'CanvasRenderingContext2D::Flush',
  ],
};

const args = process.argv.slice(2);
const labels = args.includes('--label');

for (const file of args.filter((a) => a !== '--label')) {
  const { traceEvents: events } = JSON.parse(readFileSync(file, 'utf8'));
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'RunTask'),
  );
  if (!main) throw new Error(`${file}: no renderer main thread`);
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  if (labels) {
    keyToFrame(file, mine, tasks);
    continue;
  }
  // Top-level only: a task nested in another is already counted. The bench's own page.evaluate that
  // starts the phase (the click) is left out: starting the trace's CPU profiler lands in it.
  tasks.sort((a, b) => a.ts - b.ts);
  const first = mine.find((e) => e.name === 'EvaluateScript');
  let end = first ? first.ts + first.dur : -Infinity;
  const from = end;
  let cpu = 0;
  let wall = 0;
  for (const t of tasks) {
    if (t.ts < end) continue;
    end = t.ts + t.dur;
    cpu += t.tdur ?? t.dur;
    wall += t.dur;
  }
  const by = {};
  for (const [phase, names] of Object.entries(PHASES)) {
    const list = mine.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts);
    let stop = from;
    let sum = 0;
    for (const e of list) {
      if (e.ts < stop) continue;
      stop = e.ts + e.dur;
      sum += e.tdur ?? e.dur;
    }
    by[phase] = (sum / 1000).toFixed(1);
  }
  console.log(
    `${file}: main thread ${(cpu / 1000).toFixed(1)} ms CPU, ${(wall / 1000).toFixed(1)} ms wall in ${tasks.length} tasks; ` +
      Object.entries(by)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
}

/** Per keydown: thread time of its task and of every task up to the first later one that paints. */
function keyToFrame(file, mine, all) {
  all.sort((a, b) => a.ts - b.ts);
  const tasks = [];
  let end = -Infinity;
  for (const t of all) {
    if (t.ts < end) continue;
    end = t.ts + t.dur;
    tasks.push(t);
  }
  const paints = mine.filter((e) => e.name === 'Paint');
  const paints_in = (t) => paints.some((p) => p.ts >= t.ts && p.ts <= t.ts + t.dur);
  const cpu = [];
  for (const k of mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')) {
    const first = tasks.findIndex((t) => t.ts <= k.ts && k.ts <= t.ts + t.dur);
    if (first < 0) continue;
    let sum = 0;
    for (let i = first; i < tasks.length; i++) {
      sum += tasks[i].tdur ?? tasks[i].dur;
      if (i > first && paints_in(tasks[i])) break;
    }
    cpu.push(sum / 1000);
  }
  cpu.sort((a, b) => a - b);
  const at = (q) => cpu[Math.min(cpu.length - 1, Math.floor(q * cpu.length))]?.toFixed(1);
  console.log(
    `${file}: ${cpu.length} key presses, thread time key to painted frame p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`,
  );
}
