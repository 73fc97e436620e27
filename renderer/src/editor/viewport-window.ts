/**
 * Reports which lines (paragraphs) are on screen or near it (a quarter viewport above and below), so
 * the painter registers highlight ranges for those lines only. Two IntersectionObservers do the
 * geometry off the scroll path (no layout is forced, off-screen chunks stay skipped): one watches the
 * chunks and, for those within a viewport of the screen, starts watching their paragraphs; the other
 * watches those paragraphs. Why lines and not chunks: a chunk is up to ~1,100 px tall, so a window of
 * whole chunks held 2–3 times the ranges on screen, and every registered range makes each highlight
 * change cost more (docs/architecture.md, "Rendering and highlights").
 *
 * Once the article is laid out, far-chunks.ts knows which chunks are within a viewport from its own
 * geometry, in the scroll handler: `followChunks` hands that job over and drops the chunk observer.
 * Chromium computes every observer's intersections in every frame that changes anything, a label's
 * too, and the 1M article's 321 chunks cost ~1 ms of such a frame.
 */
export interface ViewportWatch {
  /** Chunks [lo, hi] are now the ones within a viewport of the screen (the chunk observer stops). */
  followChunks(lo: number, hi: number): void;
  stop(): void;
}

export function watchViewport(
  scroller: HTMLElement,
  chunks: readonly (HTMLElement | null)[],
  chunkStarts: readonly number[],
  onLines: (first: number, last: number) => void,
): ViewportWatch {
  const chunkOf = new Map<Element, number>();
  const lineOf = new Map<Element, number>();
  const near = new Set<number>();
  const nearChunks = new Set<number>();
  let reported = '';
  const report = (): void => {
    if (near.size === 0) return;
    let first = Infinity;
    let last = -Infinity;
    for (const l of near) {
      if (l < first) first = l;
      if (l > last) last = l;
    }
    const key = `${first}:${last}`;
    if (key === reported) return;
    reported = key;
    onLines(first, last);
  };
  const lines = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const line = lineOf.get(e.target);
        if (line === undefined) continue;
        if (e.isIntersecting) near.add(line);
        else near.delete(line);
      }
      report();
    },
    { root: scroller, rootMargin: '25% 0px' },
  );
  /** Starts or stops watching the paragraphs of chunk `i`. */
  const setNear = (i: number, isNear: boolean): void => {
    const chunk = chunks[i];
    if (!chunk || nearChunks.has(i) === isNear) return;
    if (isNear) nearChunks.add(i);
    else nearChunks.delete(i);
    const first = chunkStarts[i] as number;
    Array.from(chunk.children).forEach((p, k) => {
      if (isNear) {
        lineOf.set(p, first + k);
        lines.observe(p);
      } else if (lineOf.delete(p)) {
        lines.unobserve(p);
        near.delete(first + k);
      }
    });
  };
  const around = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const chunk = chunkOf.get(e.target);
        if (chunk !== undefined) setNear(chunk, e.isIntersecting);
      }
      report();
    },
    { root: scroller, rootMargin: '100% 0px' },
  );
  chunks.forEach((c, i) => {
    if (!c) return;
    chunkOf.set(c, i);
    around.observe(c);
  });
  return {
    followChunks(lo, hi) {
      around.disconnect();
      for (const i of [...nearChunks]) if (i < lo || i > hi) setNear(i, false);
      for (let i = lo; i <= hi; i++) setNear(i, true);
      report();
    },
    stop() {
      around.disconnect();
      lines.disconnect();
    },
  };
}
