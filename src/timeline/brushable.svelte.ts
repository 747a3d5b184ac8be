/**
 * d3-brush wrapped once, as an attachment on an SVG group: dragging the selection moves the
 * window, dragging an edge or drawing a new one resizes it, a click without a drag centres the
 * window there. A selection set from elsewhere moves the brush without echoing back. Vertical
 * one-finger swipes scroll the page (see `scrollFriendlyTouch`); the date inputs beside the brush
 * are its non-drag alternative.
 */
import { brushX, type D3BrushEvent } from 'd3-brush';
import { pointer, select } from 'd3-selection';
import type { Attachment } from 'svelte/attachments';
import { scrollFriendlyTouch } from './scroll-friendly-touch.ts';

export interface BrushableOptions {
  /** Size of the brushable area in CSS px. */
  width: () => number;
  height: () => number;
  /** The selection to show, in px (clamped to the area), or null to hide it. */
  selection: () => [number, number] | null;
  /** A drag moves or resizes the selection; `moved` is true when the whole selection is dragged. */
  onbrush: (x0: number, x1: number, moved: boolean) => void;
  /** The drag ended. */
  onend: () => void;
  /** A click without a drag at `x`. */
  onclick: (x: number) => void;
}

/** The narrowest selection drawn, so a very short window still shows where it is. */
const MIN_SELECTION_PX = 3;

export function brushable(options: BrushableOptions): Attachment<SVGGElement> {
  return (group) => {
    const selection = select(group);
    let brushing = false;
    const brush = brushX<unknown>().on('start brush end', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      const range = event.selection as [number, number] | null;
      if (event.type === 'start') brushing = true;
      if (event.type === 'brush' && range) options.onbrush(range[0], range[1], event.mode === 'drag');
      if (event.type !== 'end') return;
      brushing = false;
      if (range && range[1] - range[0] > 0) options.onend();
      else options.onclick(pointer(event.sourceEvent, group)[0]);
      // A click clears d3's selection: draw the window again.
      queueMicrotask(show);
    });

    function show() {
      if (brushing) return;
      const wanted = options.selection();
      const width = options.width();
      if (!wanted || width <= 0) return void brush.move(selection, null);
      let [x0, x1] = [Math.max(0, wanted[0]), Math.min(width, wanted[1])];
      if (x1 - x0 < MIN_SELECTION_PX) {
        const middle = Math.min(Math.max((x0 + x1) / 2, MIN_SELECTION_PX / 2), width - MIN_SELECTION_PX / 2);
        [x0, x1] = [middle - MIN_SELECTION_PX / 2, middle + MIN_SELECTION_PX / 2];
      }
      brush.move(selection, [x0, x1]);
    }

    $effect(() => {
      const width = options.width();
      const height = options.height();
      if (width <= 0) return;
      brush.extent([
        [0, 0],
        [width, height],
      ]);
      // d3-brush sets `touch-action: none`, which would trap a finger scrolling the page.
      selection.call(brush).style('touch-action', 'pan-y');
    });
    $effect(show);

    const releaseTouch = scrollFriendlyTouch(group);
    return () => {
      releaseTouch();
      selection.on('.brush', null);
    };
  };
}
