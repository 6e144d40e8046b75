import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface VirtualListProps {
  count: number;
  /** Every row has this height (px): positions are computed, never measured. */
  rowHeight: number;
  /** Rows rendered above and below the viewport, so fast scrolling shows no gaps. */
  overscan?: number;
  label: string;
  renderRow: (index: number) => ComponentChildren;
  /** Called with the rendered range [start, end) whenever it changes (to load those rows). */
  onRange?: (start: number, end: number) => void;
  /** A new value scrolls back to the top (a new search), unlike a change of `count` (a deletion). */
  resetKey?: unknown;
}

/**
 * A list that renders only the rows in (and near) the viewport: 10,000 rows cost as much DOM
 * as 30. Scroll updates are batched to one per animation frame.
 */
export function VirtualList({
  count,
  rowHeight,
  overscan = 8,
  label,
  renderRow,
  onRange,
  resetKey,
}: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 800 : window.innerHeight));

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setHeight(element.clientHeight || window.innerHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, []);

  // A new result set starts at the top.
  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (ref.current) setScrollTop(ref.current.scrollTop);
    });
  };

  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    onRange?.(start, end);
  }, [start, end, onRange]);

  const rows = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <li
        key={index}
        aria-posinset={index + 1}
        aria-setsize={count}
        class="vlist-row"
        style={{ transform: `translateY(${index * rowHeight}px)`, height: `${rowHeight}px` }}
      >
        {renderRow(index)}
      </li>,
    );
  }
  return (
    <div ref={ref} class="vlist" onScroll={onScroll} data-testid="library-list">
      <ul aria-label={label} class="vlist-inner" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
}
