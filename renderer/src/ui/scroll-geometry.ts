/**
 * The tallest list content laid out at its true height. Browsers clamp an element's height: Chromium
 * at 2^25 px (33,554,432; measured: a library of 1,000,005 rows of 84 px scrolled to its end showed
 * row 399,458), Firefox near 17.9 M px. Beyond this (a library of ~180,000 documents), the scroll range stands for the
 * whole list: a pixel of scroll moves several rows, so each scroll shows rows it did not mount before.
 */
export const MAX_SCROLL_PX = 15_000_000;

/** The scroller's content height, and how many list pixels one pixel of scroll moves (1: true size). */
export function scrollGeometry(
  count: number,
  rowHeight: number,
  viewHeight: number,
): { height: number; ratio: number } {
  const total = count * rowHeight;
  if (total <= MAX_SCROLL_PX) return { height: total, ratio: 1 };
  return { height: MAX_SCROLL_PX, ratio: Math.max(1, (total - viewHeight) / (MAX_SCROLL_PX - viewHeight)) };
}

/** The rows to mount for a view (its scrollTop and height), `overscan` rows beyond each edge: [first, last). */
export function rowsInView(
  count: number,
  rowHeight: number,
  view: { top: number; height: number },
  overscan: number,
): { first: number; last: number; shift: number } {
  // The list pixel at the view's top: the last row ends at the view's bottom at the end of the range.
  const offset = view.top * scrollGeometry(count, rowHeight, view.height).ratio;
  return {
    first: Math.max(0, Math.floor(offset / rowHeight) - overscan),
    last: Math.min(count, Math.ceil((offset + view.height) / rowHeight) + overscan),
    // Where row i goes: i * rowHeight + shift (0 at true size, else placed relative to the view).
    shift: view.top - offset,
  };
}

/**
 * Rows mounted beyond each edge of the view. Past a browser's height (scaled) every scroll re-renders
 * in its own frame and a 600 px jump moves dozens of rows, so a wide margin is only more all-new rows
 * each frame (1,000,000 documents: a p95 frame of 16–17 ms with 1,200 px, 9–11 ms with 6 rows); 6 rows
 * still cover a wheel step the compositor shows before the list re-renders.
 */
export function overscanRows(
  count: number,
  rowHeight: number,
  viewHeight: number,
  overscanPx: number,
): number {
  if (scrollGeometry(count, rowHeight, viewHeight).ratio > 1) return 6;
  return Math.max(6, Math.ceil(overscanPx / rowHeight));
}
