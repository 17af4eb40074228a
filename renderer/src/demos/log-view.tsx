import { ArrowDownToLine } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../components/button';
import { isAtBottom, visibleRows } from './log-window';
import type { LogStore } from './log-store';

/** Every log row is this tall (CSS `--log-row-height` matches), so row `i` sits at `i * LOG_ROW_HEIGHT`. */
export const LOG_ROW_HEIGHT = 20;

/** Props of {@link LogView}. */
export interface LogViewProps {
  store: LogStore;
  /** The accessible name of the scrolling region, e.g. "Log of map-export". */
  label: string;
  /** Shown while the log is empty. */
  emptyText?: string;
}

/**
 * A demo's live log, windowed: only the rows in view (plus a few either side) are in the DOM, inside
 * a spacer as tall as the whole log. New lines cause at most one render per animation frame, and the
 * view follows the end unless the user scrolled up, when "Jump to latest" brings it back.
 */
export function LogView({ store, label, emptyText = 'Waiting for the first line…' }: LogViewProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(store.length);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [following, setFollowing] = useState(true);
  // Read by the layout effect after an append, without re-subscribing when it changes.
  const followingRef = useRef(true);

  // Batches can arrive many times a frame; the view renders once a frame with the latest length.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame !== 0) return;
      frame = window.requestAnimationFrame(() => {
        frame = 0;
        setCount(store.length);
      });
    };
    const unsubscribe = store.subscribe(schedule);
    // Lines that arrived between the first render and this subscription.
    schedule();
    return () => {
      unsubscribe();
      if (frame !== 0) window.cancelAnimationFrame(frame);
    };
  }, [store]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    setViewportHeight(scroller.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(scroller.clientHeight));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  // After new rows arrive, stay on the last one while following (before paint: no visible jump).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller && followingRef.current) scroller.scrollTop = scroller.scrollHeight;
  }, [count, viewportHeight]);

  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const atBottom = isAtBottom({
      scrollTop: scroller.scrollTop,
      viewportHeight: scroller.clientHeight,
      scrollHeight: scroller.scrollHeight,
      rowHeight: LOG_ROW_HEIGHT,
    });
    followingRef.current = atBottom;
    setFollowing(atBottom);
    // While following, the window is computed from the length alone: no render per scroll event.
    if (!atBottom) setScrollTop(scroller.scrollTop);
  };

  // Scrolling up stops following at once, before the next batch could pull the view back down.
  const stopFollowing = () => {
    followingRef.current = false;
    setFollowing(false);
  };

  const jumpToLatest = () => {
    const scroller = scrollerRef.current;
    followingRef.current = true;
    setFollowing(true);
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  };

  // While following, the window is the end of the log, whatever the last scroll event said.
  const top = following ? Math.max(0, count * LOG_ROW_HEIGHT - viewportHeight) : scrollTop;
  const rows = visibleRows({ scrollTop: top, viewportHeight: viewportHeight || 400, rowHeight: LOG_ROW_HEIGHT, count });
  const indexes: number[] = [];
  for (let index = rows.start; index < rows.end; index += 1) indexes.push(index);

  return (
    <div className="log-view">
      <div
        ref={scrollerRef}
        className="log-view__scroller"
        role="region"
        aria-label={label}
        // Focusable so the keyboard scrolls it (arrows, Page Up/Down, Home/End).
        tabIndex={0}
        onScroll={onScroll}
        onWheel={(event) => {
          if (event.deltaY < 0) stopFollowing();
        }}
        onKeyDown={(event) => {
          if (['ArrowUp', 'PageUp', 'Home'].includes(event.key)) stopFollowing();
        }}
        data-line-count={count}
      >
        {count === 0 ? (
          <p className="log-view__empty">{emptyText}</p>
        ) : (
          <div className="log-view__spacer" style={{ height: count * LOG_ROW_HEIGHT }}>
            <div className="log-view__rows" style={{ transform: `translateY(${rows.start * LOG_ROW_HEIGHT}px)` }}>
              {indexes.map((index) => {
                const number = store.lineNumber(index);
                return (
                  <div key={index} className={number === null ? 'log-line log-line--gap' : 'log-line'}>
                    <span className="log-line__number" aria-hidden="true">
                      {number ?? ''}
                    </span>
                    <span className="log-line__text">{store.row(index)}</span>
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
      <p className="log-view__status">
        <span>{count === 1 ? '1 line' : `${count.toLocaleString()} lines`}</span>
        {following ? null : (
          <Button icon={ArrowDownToLine} variant="ghost" onClick={jumpToLatest}>
            Jump to latest
          </Button>
        )}
      </p>
    </div>
  );
}
