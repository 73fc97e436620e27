/** Longest run of chunk layouts in one task: a key press arriving meanwhile waits at most this (plus one chunk). */
const SLICE_MS = 4;

/** The Prioritized Task Scheduling API, where the runtime has it (Chromium: Electron and Chrome). */
interface BackgroundScheduler {
  postTask?: (task: () => void, options: { priority: 'background'; signal: AbortSignal }) => Promise<void>;
}

/**
 * Once an article is open, lays out its off-screen chunks in background tasks, nearest the reader first,
 * and keeps them laid out (class `m-kept`: content-visibility visible, same containment as `auto`).
 *
 * Why: with `content-visibility: auto` alone, every scroll step that brings chunks on screen lays
 * their text out again (Chromium drops a skipped chunk's line boxes) and rebuilds the highlight
 * markers in the same frame; scrolling the 1M-character article 0.9 viewport per frame took a p95
 * frame of ~20 ms, kept laid out ~13 ms, the <mark> baseline's figure. Opening still lays out only
 * what is on screen: this runs after the first paint, in background tasks of a few milliseconds, and stops at
 * once when the article closes. Measured: docs/performance.md, "Rendering and highlights".
 */
export function layOutAhead(
  chunks: readonly (HTMLElement | null)[],
  /** Index of the chunk the reader is at now (asked before every chunk: they may have scrolled). */
  anchor: () => number,
  onDone: () => void,
): () => void {
  const kept = new Uint8Array(chunks.length);
  let left = chunks.filter(Boolean).length;
  let handle = 0;
  let stopped = false;
  const nextChunk = (): HTMLElement | null => {
    const at = Math.min(Math.max(anchor(), 0), chunks.length - 1);
    for (let d = 0; d < chunks.length; d++) {
      for (const i of [at + d, at - d - 1]) {
        const c = chunks[i];
        if (c && !kept[i]) {
          kept[i] = 1;
          return c;
        }
      }
    }
    return null;
  };
  const slice = (): void => {
    if (stopped) return;
    const t0 = performance.now();
    while (left > 0 && performance.now() - t0 < SLICE_MS) {
      const chunk = nextChunk();
      if (!chunk) break;
      left--;
      chunk.classList.add('m-kept');
      // Lay it out now, inside the slice, rather than in the next frame.
      void chunk.offsetHeight;
    }
    if (left > 0) schedule();
    else onDone();
  };
  const aborted = new AbortController();
  // Background tasks run whenever input and rendering leave the thread free; idle callbacks come at
  // most once per idle period, up to 50 ms apart: the 1M article took 8 s that way, ~4 s this way.
  const { scheduler } = globalThis as { scheduler?: BackgroundScheduler };
  const schedule = (): void => {
    if (scheduler?.postTask)
      void scheduler.postTask(slice, { priority: 'background', signal: aborted.signal }).catch(() => {});
    else if (typeof requestIdleCallback === 'function') handle = requestIdleCallback(slice);
    else handle = setTimeout(slice, 0) as unknown as number;
  };
  // The first slice runs after the frame that paints the open article, never before it.
  const first = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(schedule) : 0;
  if (!first) schedule();
  return () => {
    stopped = true;
    aborted.abort();
    if (first) cancelAnimationFrame(first);
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    clearTimeout(handle);
  };
}
