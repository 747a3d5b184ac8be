/**
 * Incidents as GeoJSON for the map.
 *
 * Bounds live in bounds.ts, apart, so the page can frame views without loading these builders
 * (they come with the map's lazily loaded chunk).
 *
 * Each incident is counted once: its first place is the point that clusters (so a cluster's
 * number counts incidents, not places, as CONTRACTS §3 asks); its other places are drawn beside,
 * tied to the first by a line.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { greatCircle } from './arcs.ts';
import { techniqueColour } from './palette.ts';
import { isTechnique } from './vocabulary.ts';
import type { LoadedIncident } from './parse-incidents.ts';

export type Precision = 'site' | 'city' | 'country';

export interface IncidentPointProperties {
  id: string;
  /** The primary technique, for colour. */
  technique: string;
  /**
   * The colour of a primary technique outside our vocabulary (a user's own category), as the
   * timeline and the legend draw it: the map's style knows only the curated ones.
   */
  colour?: string;
  /** 1 when the place is only a country (a law, a national report): drawn as a ring. */
  countryLevel: 0 | 1;
}

export type IncidentPoints = FeatureCollection<Point, IncidentPointProperties>;
export type PlaceLinks = FeatureCollection<LineString, { id: string }>;

/**
 * One place of an incident as a point, with what the map's layers read (nothing more: at 100,000
 * points every property is copied to the map's worker). `featureId` is the feature's own id, for
 * sources updated by diffs (map-points.ts).
 */
export function placeFeature(
  incident: LoadedIncident,
  place: LoadedIncident['places'][number],
  featureId?: number,
): Feature<Point, IncidentPointProperties> {
  const technique = incident.techniques[0];
  const properties: IncidentPointProperties = {
    id: incident.id,
    technique: technique ?? 'unknown',
    countryLevel: place.precision === 'country' ? 1 : 0,
  };
  if (technique !== undefined && !isTechnique(technique)) properties.colour = techniqueColour(technique);
  const feature: Feature<Point, IncidentPointProperties> = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [place.lngLat[0], place.lngLat[1]] },
    properties,
  };
  if (featureId !== undefined) feature.id = featureId;
  return feature;
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
    // An index loop, not `places.slice(1)`: most incidents have one place, and this runs over all of them.
    for (let p = 1; p < incident.places.length; p++) features.push(placeFeature(incident, incident.places[p]));
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
 * places of one incident read as one. (The map asks for a limited number of incidents' lines:
 * `withSeveralPlaces` in map-points.ts.)
 */
export function placeLinks(incidents: readonly LoadedIncident[]): PlaceLinks {
  const features: Feature<LineString, { id: string }>[] = [];
  for (const incident of incidents) {
    if (incident.places.length < 2) continue;
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
