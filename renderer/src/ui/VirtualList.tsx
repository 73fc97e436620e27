import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

import { overscanRows, rowsInView, scrollGeometry } from './scroll-geometry';

/**
 * A list that mounts only the rows in view (fixed row height), so a library of 100,000 documents
 * renders as fast as one of five. Rows carry aria-setsize/aria-posinset so assistive technology
 * still announces the full length. A list taller than a browser lays out (scroll-geometry.ts) scrolls
 * through a shorter range that stands for all of it: rows are placed relative to the view then, so
 * every scroll re-renders within its frame.
 */
export function VirtualList({
  label,
  count,
  rowHeight,
  renderRow,
  scrollToIndex,
  className,
  style,
  overscanPx = 0,
}: {
  label: string;
  count: number;
  rowHeight: number;
  renderRow: (index: number) => {
    key: string;
    className?: string | undefined;
    current?: boolean;
    content: ReactNode;
  };
  /** Brought into view when it changes (e.g. the open document). */
  scrollToIndex?: number;
  className?: string;
  /** The scroller's own style (e.g. a height that follows the row count). */
  style?: CSSProperties;
  /**
   * Rows mounted beyond each edge of the view, in pixels (at least 6 rows). A scroll the compositor
   * shows before this list re-renders (a wheel or scrollbar jump) shows these rows instead of blanks.
   */
  overscanPx?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  // The last geometry read by the scroll and resize handlers: bringing a row into view decides from
  // it, because reading scrollTop right after a commit forces a layout (opening a document does that).
  const seen = useRef(view);
  // The rows mounted now: a scroll that shows rows outside them re-renders before the frame paints.
  const mounted = useRef({ first: 0, last: 0, margin: 0 });
  const counted = useRef(count);
  counted.current = count;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = (inEffect = false) => {
      const next = { top: el.scrollTop, height: el.clientHeight || 800 };
      seen.current = next;
      const { first, last, margin } = mounted.current;
      // Rows the view needs, plus half the overscan: a view that comes that near the mounted rows'
      // edge re-renders at once, so the next jump of up to that much still lands on mounted rows.
      const needs = rowsInView(count, rowHeight, next, margin);
      const lacking = needs.first < first || needs.last > last;
      const scaled = scrollGeometry(count, rowHeight, next.height).ratio > 1;
      // A scroll event's ordinary update renders in a later task, which under load comes frames later.
      // (Not from the effect itself: React cannot flush while it commits.)
      if ((lacking || scaled) && !inEffect) flushSync(() => setView(next));
      else setView(next);
    };
    update(true);
    const onChange = (): void => update();
    const ro = new ResizeObserver(onChange);
    ro.observe(el);
    el.addEventListener('scroll', onChange, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', onChange);
    };
  }, [rowHeight, count]);
  useEffect(() => {
    const el = box.current;
    if (!el || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    const { top: scrolled, height } = seen.current;
    // The list's count read, not followed: a new row must not bring the open one back into view.
    const { ratio } = scrollGeometry(counted.current, rowHeight, height);
    const at = scrolled * ratio;
    if (top < at || top + rowHeight > at + height) el.scrollTop = (top - rowHeight) / ratio;
  }, [scrollToIndex, rowHeight]);

  const overscan = overscanRows(count, rowHeight, view.height, overscanPx);
  const { first, last, shift } = rowsInView(count, rowHeight, view, overscan);
  mounted.current = { first, last, margin: Math.floor(overscan / 2) };
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = renderRow(i);
    rows.push(
      <li
        key={row.key}
        className={row.className}
        aria-current={row.current ? 'true' : undefined}
        aria-setsize={count}
        aria-posinset={i + 1}
        style={{
          position: 'absolute',
          top: i * rowHeight + shift,
          height: rowHeight,
          left: 0,
          right: 0,
        }}
      >
        {row.content}
      </li>,
    );
  }
  return (
    <div ref={box} className={`virtual-list ${className ?? ''}`} style={style}>
      <ul
        aria-label={label}
        style={{ position: 'relative', height: scrollGeometry(count, rowHeight, view.height).height }}
      >
        {rows}
      </ul>
    </div>
  );
}
