/** Longitude–latitude boxes: what frames the map's views. */
import type { LoadedIncident } from './parse-incidents.ts';

export type LngLat = [number, number];
export type LngLatBounds = [LngLat, LngLat];

/** South-west and north-east corners around the incidents' places, or null when none has a place. */
export function placesBounds(incidents: readonly LoadedIncident[]): LngLatBounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const incident of incidents) {
    for (const { lngLat } of incident.places) {
      west = Math.min(west, lngLat[0]);
      east = Math.max(east, lngLat[0]);
      south = Math.min(south, lngLat[1]);
      north = Math.max(north, lngLat[1]);
    }
  }
  return Number.isFinite(west)
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}

/** True when the bounds are a single point (one place, or places at the same spot). */
export function isPointBounds([[west, south], [east, north]]: LngLatBounds): boolean {
  return west === east && south === north;
}

/** Whether `inner` lies wholly inside `outer` (no antimeridian wrapping: the map shows one world). */
export function containsBounds(outer: LngLatBounds, inner: LngLatBounds): boolean {
  return (
    inner[0][0] >= outer[0][0] && inner[1][0] <= outer[1][0] && inner[0][1] >= outer[0][1] && inner[1][1] <= outer[1][1]
  );
}

/** The first view: Europe (Lisbon to Helsinki) and China together. */
export const EUROPE_AND_CHINA: LngLatBounds = [
  [-12, 24],
  [135, 63],
];
