/** Incidents as GeoJSON for the map, and the bounds that frame them. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LoadedIncident } from './parse-incidents.ts';

export interface IncidentPointProperties {
  id: string;
  title: string;
  /** The primary technique, for colour. */
  technique: string;
  precision: 'site' | 'city' | 'country';
  /** Which of the incident's places this is (0-based). */
  placeIndex: number;
  placeCount: number;
}

export type IncidentPoints = FeatureCollection<Point, IncidentPointProperties>;

/** One point per place of every incident; an incident with two places gives two points. */
export function toFeatureCollection(incidents: readonly LoadedIncident[]): IncidentPoints {
  const features: Feature<Point, IncidentPointProperties>[] = [];
  for (const incident of incidents) {
    incident.places.forEach((place, placeIndex) => {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [place.lngLat[0], place.lngLat[1]] },
        properties: {
          id: incident.id,
          title: incident.title,
          technique: incident.techniques[0] ?? 'unknown',
          precision: place.precision,
          placeIndex,
          placeCount: incident.places.length,
        },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}

export type LngLatBounds = [[number, number], [number, number]];

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

/** The first view: Europe and China together. */
export const EUROPE_AND_CHINA: LngLatBounds = [
  [-12, 30],
  [135, 62],
];
