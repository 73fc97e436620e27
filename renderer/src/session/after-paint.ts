/**
 * Resolves once the browser has painted the next frame (its rendering step has run). A label's own
 * frame then carries only the new highlight; work that can wait a frame starts here instead: the
 * save transaction (Dexie setup, reading, updating and writing the span pack, ~4 ms with 10,000
 * spans) and the chrome around the article (undo buttons, the status message). Any DOM change in
 * that frame would also cost a style, layout and compositing pass over the page, ~3 ms with a long
 * article (measured: docs/performance.md, "Rendering and highlights").
 * A hidden page paints no frames (its animation frames wait until it is shown again), so there, and
 * as soon as the page becomes hidden, it resolves at once: a save started on `visibilitychange` or
 * `pagehide` must not wait for a frame that may never come.
 */
export const afterNextPaint = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
      return resolve();
    }
    const done = () => {
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    document.addEventListener('visibilitychange', done);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
