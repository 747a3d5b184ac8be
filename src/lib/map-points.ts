/**
 * The map's clustered incident points for one dataset, each feature made once and reused by every
 * update, and the difference between two sets of shown incidents, so that narrowing the time
 * window or a filter sends the map only what changed instead of 100,000 features again.
 * Features carry the incident's dataset position as their `id` (what a source diff names).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { placeFeature, type IncidentPointProperties } from './geo.ts';
import type { LoadedIncident } from './parse-incidents.ts';

export type IncidentPoint = Feature<Point, IncidentPointProperties> & { id: number };

export interface PointsDiff {
  add: IncidentPoint[];
  /** Ids (dataset positions) of points to take away. */
  remove: number[];
}

export class IncidentPointCache {
  readonly incidents: readonly LoadedIncident[];
  /** By dataset position: the point, null for an incident without a place, undefined until made. */
  readonly #features: (IncidentPoint | null | undefined)[];

  constructor(incidents: readonly LoadedIncident[]) {
    this.incidents = incidents;
    this.#features = new Array(incidents.length);
  }

  /** The point of the incident at `position` (its first place), or null when it has no place. */
  point(position: number): IncidentPoint | null {
    let feature = this.#features[position];
    if (feature === undefined) {
      const incident = this.incidents[position];
      feature =
        incident.places.length > 0 ? (placeFeature(incident, incident.places[0], position) as IncidentPoint) : null;
      this.#features[position] = feature;
    }
    return feature;
  }

  /** Every point of the flagged incidents. */
  collection(mask: Uint8Array): FeatureCollection<Point, IncidentPointProperties> {
    const features: IncidentPoint[] = [];
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] !== 1) continue;
      const feature = this.point(i);
      if (feature) features.push(feature);
    }
    return { type: 'FeatureCollection', features };
  }

  /** What turns the points of `shown` into those of `next`. */
  diff(shown: Uint8Array, next: Uint8Array): PointsDiff {
    const add: IncidentPoint[] = [];
    const remove: number[] = [];
    for (let i = 0; i < next.length; i++) {
      if (shown[i] === next[i]) continue;
      const feature = this.point(i);
      if (!feature) continue;
      if (next[i] === 1) add.push(feature);
      else remove.push(i);
    }
    return { add, remove };
  }
}
