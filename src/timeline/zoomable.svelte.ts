/**
 * d3-zoom wrapped once, as an attachment: gestures (wheel, pinch, drag) become a new time window
 * for the state; a window set from elsewhere (buttons, reset, URL) moves the zoom transform to
 * match, without echoing back.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent } from 'd3-zoom';
import type { Attachment } from 'svelte/attachments';
import type { TimeWindow } from '../lib/filter.ts';
import { MAX_WINDOW_MS, MIN_WINDOW_MS, transformFromWindow, windowFromTransform } from '../lib/time-scale.ts';

export interface ZoomableOptions {
  /** The window shown at scale 1 (the dataset's extent). */
  base: () => TimeWindow | null;
  /** The window the state holds now. */
  window: () => TimeWindow | null;
  /** Plot width in CSS px. */
  width: () => number;
  /** Called with the window a gesture asks for. */
  onwindow: (window: TimeWindow) => void;
  /** When true, a plain wheel scrolls the page and only Ctrl/⌘ + wheel zooms (embeds). @default false */
  cooperative?: () => boolean;
  /** Called when a plain wheel was let through in cooperative mode, to show a hint. */
  onwheelhint?: () => void;
}

const span = (window: TimeWindow) => window.toMs - window.fromMs;

export function zoomable(options: ZoomableOptions): Attachment<HTMLElement> {
  return (node) => {
    const behavior = zoom<HTMLElement, unknown>()
      .filter((event: Event) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          if (options.cooperative?.() && !wheel.ctrlKey && !wheel.metaKey) {
            options.onwheelhint?.();
            return false;
          }
          return true;
        }
        if (event.type === 'dblclick') return false;
        const pointer = event as MouseEvent;
        return !pointer.button;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        // Programmatic transforms come from the state already; only gestures write back.
        if (!event.sourceEvent) return;
        const base = options.base();
        const width = options.width();
        if (base && width > 0) options.onwindow(windowFromTransform(base, event.transform, width));
      });
    const selection = select(node).call(behavior);

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
      selection.on('.zoom', null);
    };
  };
}
