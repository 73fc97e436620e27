import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/**
 * A list that mounts only the rows in view (fixed row height), so a library of 100,000 documents
 * renders as fast as one of five. Rows carry aria-setsize/aria-posinset so assistive technology
 * still announces the full length.
 */
export function VirtualList({
  label,
  count,
  rowHeight,
  renderRow,
  scrollToIndex,
  className,
  style,
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
}) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  // The last geometry read by the scroll and resize handlers: bringing a row into view decides from
  // it, because reading scrollTop right after a commit forces a layout (opening a document does that).
  const seen = useRef(view);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => {
      seen.current = { top: el.scrollTop, height: el.clientHeight || 800 };
      setView(seen.current);
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    const { top: at, height } = seen.current;
    if (top < at || top + rowHeight > at + height) el.scrollTop = top - rowHeight;
  }, [scrollToIndex, rowHeight]);

  const overscan = 6;
  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
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
        style={{ position: 'absolute', top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}
      >
        {row.content}
      </li>,
    );
  }
  return (
    <div ref={box} className={`virtual-list ${className ?? ''}`} style={style}>
      <ul aria-label={label} style={{ position: 'relative', height: count * rowHeight }}>
        {rows}
      </ul>
    </div>
  );
}
