/**
 * Incidents as GeoJSON for the map, and the bounds that frame them.
 *
 * Each incident is counted once: its first place is the point that clusters (so a cluster's
 * number counts incidents, not places, as CONTRACTS §3 asks); its other places are drawn beside,
 * tied to the first by a line.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { greatCircle } from './arcs.ts';
import type { LoadedIncident } from './parse-incidents.ts';

export type Precision = 'site' | 'city' | 'country';

export interface IncidentPointProperties {
  id: string;
  /** The primary technique, for colour. */
  technique: string;
  precision: Precision;
  /** 1 when the place is only a country (a law, a national report): drawn as a ring. */
  countryLevel: 0 | 1;
}

export type IncidentPoints = FeatureCollection<Point, IncidentPointProperties>;
export type PlaceLinks = FeatureCollection<LineString, { id: string }>;

function placeFeature(
  incident: LoadedIncident,
  place: LoadedIncident['places'][number],
): Feature<Point, IncidentPointProperties> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [place.lngLat[0], place.lngLat[1]] },
    properties: {
      id: incident.id,
      technique: incident.techniques[0] ?? 'unknown',
      precision: place.precision,
      countryLevel: place.precision === 'country' ? 1 : 0,
    },
  };
}

/** The first place of every incident: one point per incident, the points that cluster. */
export function incidentPoints(incidents: readonly LoadedIncident[]): IncidentPoints {
  const features: Feature<Point, IncidentPointProperties>[] = [];
  for (const incident of incidents) {
    if (incident.places.length > 0) features.push(placeFeature(incident, incident.places[0]));
  }
  return { type: 'FeatureCollection', features };
}

/** The other places of incidents with several (e.g. Paris and Beijing): drawn unclustered. */
export function secondaryPlaces(incidents: readonly LoadedIncident[]): IncidentPoints {
  const features: Feature<Point, IncidentPointProperties>[] = [];
  for (const incident of incidents) {
    for (const place of incident.places.slice(1)) features.push(placeFeature(incident, place));
  }
  return { type: 'FeatureCollection', features };
}

/** Every place of the given incidents (the selected and hovered ones, drawn above the clusters). */
export function allPlaces(incidents: readonly LoadedIncident[]): IncidentPoints {
  return {
    type: 'FeatureCollection',
    features: incidents.flatMap((incident) => incident.places.map((place) => placeFeature(incident, place))),
  };
}

/**
 * Lines from each incident's first place to each of its others, along the great circle, so the
 * places of one incident read as one. At most `limit` incidents get lines (the map draws the
 * selected one's regardless), which keeps 100,000 synthetic records from drawing a hairball.
 */
export function placeLinks(incidents: readonly LoadedIncident[], limit = Infinity): PlaceLinks {
  const features: Feature<LineString, { id: string }>[] = [];
  let linked = 0;
  for (const incident of incidents) {
    if (incident.places.length < 2) continue;
    if (linked++ >= limit) break;
    const [first, ...others] = incident.places;
    for (const other of others) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: greatCircle(first.lngLat, other.lngLat) },
        properties: { id: incident.id },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

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
