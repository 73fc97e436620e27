/**
 * Which lines (paragraphs) are on screen or near it, found in the scroll handler, before the frame
 * that shows them paints: the painter registers their highlight ranges in that same frame, so no text
 * is ever on screen without its highlights ("late" frames: bench/probe.ts counts them).
 *
 * Why not IntersectionObservers (as before): they report after the frame's layout, in a task, so the
 * ranges arrived one frame late; in 29 of 30 frames of a fast scroll, highlights popped in a frame
 * after their text. Here a binary search over chunk rectangles, then over the paragraphs of the first
 * and last chunk, reads ~20 rectangles per scroll event. Reading a paragraph of a chunk that is still
 * skipped by `content-visibility` lays that chunk out: it is coming on screen, so this frame would lay
 * it out anyway.
 */

/** Viewport heights above and below the screen whose lines are painted too (ahead of scrolling). */
export const MARGIN = 0.25;

/** Vertical extent in the same coordinates as the view (client pixels). */
export interface Extent {
  readonly top: number;
  readonly bottom: number;
}

/** Geometry the search reads: chunk and paragraph rectangles, by index. */
export interface LineGeometry {
  readonly chunkCount: number;
  chunk(i: number): Extent | null;
  /** Paragraphs in chunk i. */
  linesIn(i: number): number;
  line(chunk: number, k: number): Extent | null;
  /** Line number of paragraph k of chunk i. */
  lineNumber(chunk: number, k: number): number;
}

/** First index in [lo, hi) for which `past(i)` holds (false…false true…true), or hi. */
function search(lo: number, hi: number, past: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The first and last line intersecting `view`, or null when nothing does. Chunks without an element
 * (null) count as above the view when searching for the first and below it for the last. O(log n) reads.
 */
export function linesIn(view: Extent, g: LineGeometry): [number, number] | null {
  const n = g.chunkCount;
  const c0 = search(0, n, (i) => (g.chunk(i)?.bottom ?? -Infinity) > view.top);
  const c1 = search(0, n, (i) => (g.chunk(i)?.top ?? Infinity) >= view.bottom) - 1;
  if (c0 >= n || c1 < c0) return null;
  const k0 = search(0, g.linesIn(c0), (k) => (g.line(c0, k)?.bottom ?? -Infinity) > view.top);
  const k1 = search(0, g.linesIn(c1), (k) => (g.line(c1, k)?.top ?? Infinity) >= view.bottom) - 1;
  const first = g.lineNumber(c0, Math.min(k0, g.linesIn(c0) - 1));
  const last = g.lineNumber(c1, Math.max(k1, 0));
  return last >= first ? [first, last] : null;
}

/** The geometry of chunk elements holding one element per line (the article's, or the bench's). */
export function chunkGeometry(
  chunks: readonly (HTMLElement | null)[],
  chunkStarts: readonly number[],
): LineGeometry {
  return {
    chunkCount: chunks.length,
    chunk: (i) => chunks[i]?.getBoundingClientRect() ?? null,
    linesIn: (i) => chunks[i]?.childElementCount ?? 0,
    line: (i, k) => chunks[i]?.children[k]?.getBoundingClientRect() ?? null,
    lineNumber: (i, k) => (chunkStarts[i] as number) + k,
  };
}

export interface ViewportWatch {
  /** Looks again now (after the article's geometry changed without a scroll). */
  refresh(): void;
  stop(): void;
}

/**
 * Reports the lines within MARGIN viewports of the screen on every scroll event and resize, and once
 * after the first frame (the caller paints a first window before that).
 */
export function watchViewport(
  scroller: HTMLElement,
  chunks: readonly (HTMLElement | null)[],
  chunkStarts: readonly number[],
  onLines: (first: number, last: number) => void,
): ViewportWatch {
  const geometry = chunkGeometry(chunks, chunkStarts);
  let reported = '';
  let stopped = false;
  const look = (): void => {
    if (stopped) return;
    const box = scroller.getBoundingClientRect();
    const margin = MARGIN * box.height;
    const found = linesIn({ top: box.top - margin, bottom: box.bottom + margin }, geometry);
    if (!found) return;
    const key = `${found[0]}:${found[1]}`;
    if (key === reported) return;
    reported = key;
    onLines(found[0], found[1]);
  };
  scroller.addEventListener('scroll', look, { passive: true });
  let observed = false;
  const resized = new ResizeObserver(() => {
    if (!observed) return void (observed = true); // the report that observe() itself triggers
    look();
  });
  resized.observe(scroller);
  // After the open's frame has painted: its layout is then done, and reading it costs nothing.
  let first = requestAnimationFrame(() => {
    first = 0;
    setTimeout(look, 0);
  });
  return {
    refresh: look,
    stop() {
      stopped = true;
      if (first) cancelAnimationFrame(first);
      scroller.removeEventListener('scroll', look);
      resized.disconnect();
    },
  };
}
