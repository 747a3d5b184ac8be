/**
 * The values inside the address that are more than text: the map's camera (`map=zoom/lat/lng`,
 * rounded to what a pixel can tell apart) and calendar days (`from`, `to`). Pure, UTC throughout.
 */
import { MAX_WINDOW_MS } from './time-scale.ts';

export interface UrlMapView {
  zoom: number;
  lat: number;
  lng: number;
}

/** Deepest map zoom a link may ask for (MapLibre's own limit). */
export const MAX_ZOOM = 24;

const DAY_MS = 86_400_000;
const NUMBER = /^-?\d{1,3}(\.\d{1,12})?$/;
const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Decimal places for lat/lng at a zoom, after MapLibre's hash: 512px · 2^z / 360 / 10^d < 0.5px. */
export function mapPrecision(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor + 0; // `+ 0` turns -0 into 0
}

/** Rounds a camera as the URL writes it: zoom to 0.01, position to what a pixel can tell apart. */
export function roundMapView(view: UrlMapView): UrlMapView {
  const zoom = roundTo(view.zoom, 2);
  const digits = mapPrecision(zoom);
  return { zoom, lat: roundTo(view.lat, digits), lng: roundTo(view.lng, digits) };
}

/** A number with at most `digits` decimals, no trailing zeros, never in exponent form. */
function formatDecimal(value: number, digits: number): string {
  const text = value.toFixed(digits);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

function isMapView(view: UrlMapView): boolean {
  return (
    Number.isFinite(view.zoom) &&
    Number.isFinite(view.lat) &&
    Number.isFinite(view.lng) &&
    view.zoom >= 0 &&
    view.zoom <= MAX_ZOOM &&
    Math.abs(view.lat) <= 90 &&
    Math.abs(view.lng) <= 180
  );
}

export function parseMapView(text: string): UrlMapView | null {
  const parts = text.split('/');
  if (parts.length !== 3 || !parts.every((part) => NUMBER.test(part))) return null;
  const [zoom, lat, lng] = parts.map(Number);
  const view = { zoom, lat, lng };
  return isMapView(view) ? roundMapView(view) : null;
}

export function formatMapView(view: UrlMapView): string {
  const { zoom, lat, lng } = roundMapView(view);
  const digits = mapPrecision(zoom);
  return `${formatDecimal(zoom, 2)}/${formatDecimal(lat, digits)}/${formatDecimal(lng, digits)}`;
}

/** A UTC day, month or year as `[startMs, endMs)`; null when it is not one (or not a real date). */
export function parseUrlDay(text: string): { startMs: number; endMs: number } | null {
  const match = CALENDAR.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  const start = utcDay(year, month ?? 1, day ?? 1);
  if (day !== null && (new Date(start).getUTCMonth() !== month! - 1 || day < 1)) return null;
  const endMs = day !== null ? start + DAY_MS : month !== null ? utcDay(year, month + 1, 1) : utcDay(year + 1, 1, 1);
  return { startMs: start, endMs };
}

function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** `2021-03-02` for the UTC day that starts at `ms`. */
export function formatUrlDay(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** The days a window shows, rounded to the nearest day boundaries (at least one day). */
export function roundWindowToDays(window: { fromMs: number; toMs: number }): { fromMs: number; toMs: number } {
  const fromMs = Math.round(window.fromMs / DAY_MS) * DAY_MS;
  const toMs = Math.max(fromMs + DAY_MS, Math.round(window.toMs / DAY_MS) * DAY_MS);
  return { fromMs, toMs };
}

/** Whether a day-aligned window can be written and read back: years 0000–9999, within the timeline's span. */
export function isUrlWindow(fromMs: number, toMs: number): boolean {
  const first = utcDay(0, 1, 1);
  const last = utcDay(10000, 1, 1);
  return (
    Number.isInteger(fromMs / DAY_MS) &&
    Number.isInteger(toMs / DAY_MS) &&
    fromMs >= first &&
    toMs <= last &&
    fromMs < toMs &&
    toMs - fromMs <= MAX_WINDOW_MS
  );
}
