/**
 * Reports which chunks of lines are on screen or near it (one viewport above and below), so the
 * painter can register highlight ranges for those lines only. An IntersectionObserver does the geometry off the
 * scroll path: no layout is forced, and off-screen chunks (content-visibility: auto) stay skipped.
 */
export function watchViewport(
  scroller: HTMLElement,
  chunks: readonly (HTMLElement | null)[],
  onLines: (first: number, last: number) => void,
): () => void {
  const indexOf = new Map<Element, number>();
  const near = new Set<number>();
  let reported = '';
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const chunk = indexOf.get(e.target);
        if (chunk === undefined) continue;
        if (e.isIntersecting) near.add(chunk);
        else near.delete(chunk);
      }
      if (near.size === 0) return;
      let first = Infinity;
      let last = -Infinity;
      for (const l of near) {
        first = Math.min(first, l);
        last = Math.max(last, l);
      }
      const key = `${first}:${last}`;
      if (key === reported) return;
      reported = key;
      onLines(first, last);
    },
    { root: scroller, rootMargin: '25% 0px' },
  );
  chunks.forEach((p, i) => {
    if (!p) return;
    indexOf.set(p, i);
    observer.observe(p);
  });
  return () => observer.disconnect();
}
