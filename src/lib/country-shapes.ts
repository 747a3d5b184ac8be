/**
 * Country outlines for the curated point-in-country check: Natural Earth 1:50m (world-atlas)
 * polygons keyed by ISO alpha-2, and the test itself with d3-geo's spherical `geoContains`.
 */
import { geoContains, geoDistance } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { basemapFromTopology } from './basemap.ts';

export type CountryShape = Feature<Polygon | MultiPolygon>;
export type CountryShapes = ReadonlyMap<string, CountryShape>;

/** Mean Earth radius (km), to turn `geoDistance` radians into kilometres. */
export const EARTH_RADIUS_KM = 6371;

/**
 * How far off a coast a point may lie and still count as inside. Natural Earth 1:50m generalises
 * coastlines and inland waters: GeoNames' centre of Stockholm (on the water between Lake Mälaren
 * and Saltsjön) lies about 1 km outside Sweden's 50m outline, Copenhagen's a few hundred metres
 * outside Denmark's. 1.5 km tolerates that and nothing larger: a swapped or mistyped coordinate
 * lands tens or thousands of kilometres away.
 */
export const COAST_TOLERANCE_KM = 1.5;

type Topology = Parameters<typeof basemapFromTopology>[0];

/** Country polygons by ISO alpha-2 code, from a world-atlas `countries` topology. */
export function countryShapesFromTopology(topology: Topology): CountryShapes {
  const shapes = new Map<string, CountryShape>();
  for (const country of basemapFromTopology(topology).countries.features) {
    if (country.properties.code) shapes.set(country.properties.code, country);
  }
  return shapes;
}

/** The point `distanceKm` away from `lngLat` on bearing `bearingDeg` (great circle). */
export function destination([lng, lat]: [number, number], bearingDeg: number, distanceKm: number): [number, number] {
  const toRad = Math.PI / 180;
  const angular = distanceKm / EARTH_RADIUS_KM;
  const bearing = bearingDeg * toRad;
  const phi1 = lat * toRad;
  const lambda1 = lng * toRad;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(angular) + Math.cos(phi1) * Math.sin(angular) * Math.cos(bearing));
  const lambda2 =
    lambda1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(phi1),
      Math.cos(angular) - Math.sin(phi1) * Math.sin(phi2),
    );
  return [((((lambda2 / toRad + 540) % 360) + 360) % 360) - 180, phi2 / toRad];
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: [number, number], b: [number, number]): number {
  return geoDistance(a, b) * EARTH_RADIUS_KM;
}

export type InsideResult = 'inside' | 'near-coast' | 'outside';

/**
 * Whether a point lies in a country: `inside` the polygon, `near-coast` when it is outside but a
 * point within `COAST_TOLERANCE_KM` of it (any of 16 bearings) is inside, else `outside`.
 */
export function locateInCountry(shape: CountryShape, lngLat: [number, number]): InsideResult {
  if (geoContains(shape, lngLat)) return 'inside';
  for (let bearing = 0; bearing < 360; bearing += 22.5) {
    if (geoContains(shape, destination(lngLat, bearing, COAST_TOLERANCE_KM))) return 'near-coast';
  }
  return 'outside';
}

/** The countries whose polygon contains a point, for a helpful error message. */
export function countriesAt(shapes: CountryShapes, lngLat: [number, number]): string[] {
  const found: string[] = [];
  for (const [code, shape] of shapes) if (geoContains(shape, lngLat)) found.push(code);
  return found;
}
