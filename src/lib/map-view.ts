/**
 * The map camera as a plain value ({zoom, lat, lng}, as the URL's `map=zoom/lat/lng`) and the
 * comparison that keeps the two-way sync between the map and the atlas state from echoing.
 */
export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
}

/**
 * Decimal places that keep a position within half a pixel at `zoom`, as MapLibre's hash does:
 * derived from 512px * 2^z / 360 / 10^d < 0.5px.
 */
export function viewPrecision(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

/** The view rounded to what can be seen: zoom to 2 places, coordinates by zoom. */
export function roundView(view: MapView): MapView {
  const places = viewPrecision(view.zoom);
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return { zoom: round(view.zoom, 2), lat: round(view.lat, places), lng: round(view.lng, places) };
}

/** Whether two views show the same thing to within a pixel (so neither side needs to move). */
export function sameView(a: MapView | null, b: MapView | null): boolean {
  if (a === null || b === null) return a === b;
  if (Math.abs(a.zoom - b.zoom) > 0.01) return false;
  const tolerance = 1 / 10 ** viewPrecision(Math.max(a.zoom, b.zoom));
  return Math.abs(a.lat - b.lat) <= tolerance && Math.abs(a.lng - b.lng) <= tolerance;
}
