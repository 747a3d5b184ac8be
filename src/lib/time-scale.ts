/**
 * Zoom maths for the timeline. State keeps the visible window (also the URL's `from`/`to`); a
 * d3-zoom transform is derived from it relative to a base window, never stored.
 */
import type { TimeWindow } from './filter.ts';

export const DAY_MS = 86_400_000;
/** The narrowest window: two days, so a day-precision mark is still wide. */
export const MIN_WINDOW_MS = 2 * DAY_MS;
/** The widest window: three centuries. */
export const MAX_WINDOW_MS = 300 * 365.25 * DAY_MS;

export interface ZoomTransform {
  k: number;
  x: number;
}

/** Pixel x of a time on an axis showing `window` across `widthPx`. */
export function timeToX(ms: number, window: TimeWindow, widthPx: number): number {
  return ((ms - window.fromMs) / (window.toMs - window.fromMs)) * widthPx;
}

export function xToTime(x: number, window: TimeWindow, widthPx: number): number {
  return window.fromMs + (x / widthPx) * (window.toMs - window.fromMs);
}

/** The window a d3-zoom transform shows, relative to `base` (the window at k = 1, x = 0). */
export function windowFromTransform(base: TimeWindow, transform: ZoomTransform, widthPx: number): TimeWindow {
  const span = base.toMs - base.fromMs;
  const msPerPx = span / widthPx / transform.k;
  const fromMs = base.fromMs - transform.x * msPerPx;
  return { fromMs, toMs: fromMs + widthPx * msPerPx };
}

/** The transform that shows `window`, relative to `base`: the inverse of `windowFromTransform`. */
export function transformFromWindow(base: TimeWindow, window: TimeWindow, widthPx: number): ZoomTransform {
  const k = (base.toMs - base.fromMs) / (window.toMs - window.fromMs);
  const x = -((window.fromMs - base.fromMs) / (base.toMs - base.fromMs)) * widthPx * k;
  return { k, x };
}

/** Zooms `window` by `factor` (> 1 zooms in) around the time at `anchorMs`, within the limits. */
export function zoomWindow(
  window: TimeWindow,
  factor: number,
  anchorMs = (window.fromMs + window.toMs) / 2,
): TimeWindow {
  const span = window.toMs - window.fromMs;
  const nextSpan = clampSpan(span / factor);
  const ratio = (anchorMs - window.fromMs) / span;
  const fromMs = anchorMs - ratio * nextSpan;
  return { fromMs, toMs: fromMs + nextSpan };
}

/** Moves `window` by `fraction` of its width (positive: later). */
export function panWindow(window: TimeWindow, fraction: number): TimeWindow {
  const shift = (window.toMs - window.fromMs) * fraction;
  return { fromMs: window.fromMs + shift, toMs: window.toMs + shift };
}

export function clampSpan(spanMs: number): number {
  return Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, spanMs));
}

/** A window around `extent` with `paddingFraction` of its span on each side, at least `MIN_WINDOW_MS`. */
export function paddedWindow(extent: TimeWindow, paddingFraction = 0.04): TimeWindow {
  const span = clampSpan((extent.toMs - extent.fromMs) * (1 + 2 * paddingFraction));
  const middle = (extent.fromMs + extent.toMs) / 2;
  return { fromMs: middle - span / 2, toMs: middle + span / 2 };
}

export function sameWindow(a: TimeWindow, b: TimeWindow, toleranceMs = 1): boolean {
  return Math.abs(a.fromMs - b.fromMs) <= toleranceMs && Math.abs(a.toMs - b.toMs) <= toleranceMs;
}

/**
 * The window a fraction `t` (0–1) of the way from `a` to `b`: the centre moves linearly and the
 * span geometrically, so a zoom feels even at every scale.
 */
export function interpolateWindow(a: TimeWindow, b: TimeWindow, t: number): TimeWindow {
  const centre = (a.fromMs + a.toMs) / 2 + ((b.fromMs + b.toMs - (a.fromMs + a.toMs)) / 2) * t;
  const span = (a.toMs - a.fromMs) * ((b.toMs - b.fromMs) / (a.toMs - a.fromMs)) ** t;
  return { fromMs: centre - span / 2, toMs: centre + span / 2 };
}

/** A window of the same span as `window`, centred on `ms`. */
export function centreWindow(window: TimeWindow, ms: number): TimeWindow {
  const span = window.toMs - window.fromMs;
  return { fromMs: ms - span / 2, toMs: ms + span / 2 };
}
