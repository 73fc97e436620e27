// Main-thread CPU time of a trace written by BENCH_TRACE (bench/trace.ts): the renderer main thread's
// top-level tasks, summed as thread time (tdur, immune to waiting for a core under load) and as wall
// time, and the thread time of the main phases inside them. Usage: node bench/trace-cpu.mjs trace.json…
import { readFileSync } from 'node:fs';

const PHASES = {
  script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'v8.run', 'RunMicrotasks'],
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  prepaint: ['PrePaint'],
  paint: ['Paint'],
  layerize: ['Layerize', 'UpdateLayer', 'Commit'],
  canvas: ['ProduceCanvasResource', 'Canvas2DLayerBridge::FlushRecording', 'CanvasRenderingContext2D::Flush'],
};

for (const file of process.argv.slice(2)) {
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
