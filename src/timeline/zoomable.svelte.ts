/**
 * d3-zoom wrapped once, as an attachment: gestures (wheel, pinch, drag, horizontal trackpad
 * swipes) become a new time window; a window set from elsewhere (buttons, keys, brush, URL) moves
 * the zoom transform to match, without echoing back. A vertical one-finger swipe scrolls the page
 * (see `scrollFriendlyTouch`).
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent } from 'd3-zoom';
import type { Attachment } from 'svelte/attachments';
import type { TimeWindow } from '../lib/filter.ts';
import {
  MAX_WINDOW_MS,
  MIN_WINDOW_MS,
  panWindow,
  transformFromWindow,
  windowFromTransform,
} from '../lib/time-scale.ts';
import { scrollFriendlyTouch } from './scroll-friendly-touch.ts';

export interface ZoomableOptions {
  /** The window shown at scale 1 (the dataset's extent). */
  base: () => TimeWindow | null;
  /** The window shown now. */
  window: () => TimeWindow | null;
  /** Plot width in CSS px. */
  width: () => number;
  /** Called with each window a gesture asks for, as it moves. */
  onwindow: (window: TimeWindow) => void;
  /** Called when a gesture ends (the last wheel tick, the pointer or fingers lifted). */
  onend: () => void;
  /** When true, a plain wheel scrolls the page and only Ctrl/⌘ + wheel zooms (embeds). @default false */
  cooperative?: () => boolean;
  /** Called when a plain wheel was let through in cooperative mode, to show a hint. */
  onwheelhint?: () => void;
}

const span = (window: TimeWindow) => window.toMs - window.fromMs;

export function zoomable(options: ZoomableOptions): Attachment<HTMLElement> {
  return (node) => {
    let swipeTimer: ReturnType<typeof setTimeout> | undefined;
    /** A sideways trackpad swipe pans; d3-zoom only reads the vertical wheel. */
    function swipe(wheel: WheelEvent): void {
      const window = options.window();
      const width = options.width();
      if (!window || width <= 0) return;
      wheel.preventDefault();
      const pixels = wheel.deltaX * (wheel.deltaMode === 1 ? 16 : wheel.deltaMode ? width : 1);
      options.onwindow(panWindow(window, pixels / width));
      clearTimeout(swipeTimer);
      swipeTimer = setTimeout(options.onend, 150);
    }

    const behavior = zoom<HTMLElement, unknown>()
      .filter((event: Event) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          if (options.cooperative?.() && !wheel.ctrlKey && !wheel.metaKey) {
            options.onwheelhint?.();
            return false;
          }
          if (Math.abs(wheel.deltaX) > Math.abs(wheel.deltaY)) {
            swipe(wheel);
            return false;
          }
          return true;
        }
        if (event.type === 'dblclick') return false;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        // Programmatic transforms come from the window already; only gestures write back.
        if (!event.sourceEvent) return;
        const base = options.base();
        const width = options.width();
        if (base && width > 0) options.onwindow(windowFromTransform(base, event.transform, width));
      })
      .on('end', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        if (event.sourceEvent) options.onend();
      });
    const selection = select(node).call(behavior);
    const releaseTouch = scrollFriendlyTouch(node);

    $effect(() => {
      const base = options.base();
      const window = options.window();
      const width = options.width();
      if (!base || !window || width <= 0) return;
      behavior.scaleExtent([span(base) / MAX_WINDOW_MS, span(base) / MIN_WINDOW_MS]);
      const target = transformFromWindow(base, window, width);
      const current = zoomTransform(node);
      if (Math.abs(current.k - target.k) / target.k < 1e-9 && Math.abs(current.x - target.x) < 0.01) return;
      behavior.transform(selection, zoomIdentity.translate(target.x, 0).scale(target.k));
    });

    return () => {
      clearTimeout(swipeTimer);
      releaseTouch();
      selection.on('.zoom', null);
    };
  };
}
