/**
 * Frame helpers shared by every in-page measurement. "Painted" means: the frame that shows the change
 * has run style, layout and paint on the main thread. A task posted from inside a requestAnimationFrame
 * callback runs right after that frame's rendering, so its timestamp marks the end of the frame's work.
 */
export const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));

export function afterFramePaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    });
  });
}

/** Polls once per frame until `done()`; resolves at the end of the first frame that shows it. */
export function paintedWhen(done: () => boolean, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (done()) {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(null);
      } else if (performance.now() - t0 > timeoutMs) reject(new Error('timed out waiting for paint'));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Longest main-thread task seen while `work` runs (Long Tasks API: tasks over 50 ms). */
export async function longestTaskDuring<T>(work: () => Promise<T>): Promise<{ value: T; longest: number }> {
  let longest = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  obs.observe({ type: 'longtask', buffered: false });
  const value = await work();
  await afterFramePaint();
  for (const e of obs.takeRecords()) longest = Math.max(longest, e.duration);
  obs.disconnect();
  return { value, longest };
}
