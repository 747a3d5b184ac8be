/**
 * Great-circle lines: the links between an incident's places, and the optional arcs from the
 * actor's country to each country the incident is about.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { geoDistance, geoInterpolate } from 'd3-geo';
import type { LoadedIncident } from './parse-incidents.ts';

type LngLat = [number, number];

/** Degrees of arc between interpolated points: smooth at any zoom the map allows for such lines. */
const STEP_DEGREES = 2;

/**
 * Points along the shorter great circle from `from` to `to`, ends included. Longitudes are
 * unwrapped (they may pass ±180) so a line across the Pacific stays one continuous stroke
 * instead of jumping across the whole map.
 */
export function greatCircle(from: LngLat, to: LngLat, stepDegrees = STEP_DEGREES): LngLat[] {
  const degrees = (geoDistance(from, to) * 180) / Math.PI;
  const steps = Math.max(1, Math.ceil(degrees / stepDegrees));
  const interpolate = geoInterpolate(from, to);
  const points: LngLat[] = [];
  for (let i = 0; i <= steps; i++) {
    const [lng, lat] = i === 0 ? from : i === steps ? to : interpolate(i / steps);
    const previous = points.at(-1);
    points.push([previous ? unwrap(lng, previous[0]) : lng, lat]);
  }
  return points;
}

/** `lng` shifted by whole turns to lie within 180° of `reference`. */
function unwrap(lng: number, reference: number): number {
  return lng + 360 * Math.round((reference - lng) / 360);
}

export interface ArcProperties {
  /** Actor country, ISO-2. */
  from: string;
  /** Target (or place) country, ISO-2. */
  to: string;
  /** Incidents drawn along this arc. */
  count: number;
}

export type ActorTargetArcs = FeatureCollection<LineString, ArcProperties>;

/**
 * One arc per (actor country → country) pair among the incidents, with how many incidents it
 * stands for. The far end is what the country filter means (target countries, else the places'
 * countries: `filterCountries`); an incident about the actor's own country draws no arc.
 * `anchors` places each country (a point inside it); countries without one are skipped.
 */
export function actorTargetArcs(
  incidents: readonly LoadedIncident[],
  anchors: ReadonlyMap<string, LngLat>,
): ActorTargetArcs {
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    for (const actor of new Set(incident.actors)) {
      for (const target of new Set(incident.filterCountries)) {
        if (actor === target) continue;
        const key = `${actor}>${target}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const features: Feature<LineString, ArcProperties>[] = [];
  for (const [key, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const [from, to] = key.split('>');
    const start = anchors.get(from);
    const end = anchors.get(to);
    if (!start || !end) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: greatCircle(start, end) },
      properties: { from, to, count },
    });
  }
  return { type: 'FeatureCollection', features };
}
