/**
 * The map's incident points for one dataset, each feature made once and reused by every update,
 * and the features of one clustering (map-clusters.ts): clusters carry what a click on them needs
 * (their count, extent and, when small and at one spot, their members), points are the cached
 * features. Point features carry the incident's dataset position as their `id`.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { placeFeature, type IncidentPointProperties } from './geo.ts';
import {
  abbreviateCount,
  clusterOf,
  latOf,
  lngOf,
  PointGrid,
  type ClusterOptions,
  type Clustering,
} from './map-clusters.ts';
import type { LoadedIncident } from './parse-incidents.ts';

export type IncidentPoint = Feature<Point, IncidentPointProperties> & { id: number };

/** What a cluster's feature carries; `cluster_id` is its index in the clustering it was drawn from. */
export interface ClusterProperties {
  cluster: true;
  cluster_id: number;
  point_count: number;
  point_count_abbreviated: string;
  /** The members' extent, longitude–latitude. */
  west: number;
  south: number;
  east: number;
  north: number;
  /** 1 when every member is at one point: no zoom splits it. */
  one_spot: 0 | 1;
  /** The members' ids as a JSON array, for a small cluster at one spot (listed on click). */
  ids?: string;
}

export type ClusterPoint = Feature<Point, ClusterProperties>;

/** Clusters at one spot up to this size are listed on click rather than zoomed into. */
export const MAX_LISTED = 12;

export class IncidentPointCache {
  readonly incidents: readonly LoadedIncident[];
  readonly grid: PointGrid;
  /** By dataset position: the point, null for an incident without a place, undefined until made. */
  readonly #features: (IncidentPoint | null | undefined)[];

  constructor(incidents: readonly LoadedIncident[], options: ClusterOptions) {
    this.incidents = incidents;
    this.#features = new Array(incidents.length);
    // One pass over the incidents, objects scattered in memory, for both.
    const firstPlaces = new Array<readonly [number, number] | null>(incidents.length);
    const several: number[] = [];
    for (let i = 0; i < incidents.length; i++) {
      const { places } = incidents[i];
      firstPlaces[i] = places.length > 0 ? places[0].lngLat : null;
      if (places.length > 1) several.push(i);
    }
    this.grid = new PointGrid(firstPlaces, options);
    this.#several = several;
  }

  /** The flagged incidents with more than one place, in dataset order (most datasets have few). */
  withSeveralPlaces(mask: Uint8Array): LoadedIncident[] {
    return this.#several.filter((position) => mask[position] === 1).map((position) => this.incidents[position]);
  }

  /** Positions of the incidents with more than one place. */
  readonly #several: number[];

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

  /** The clusters and lone points of a clustering, as the map's incident source draws them. */
  features(clustering: Clustering): FeatureCollection<Point, IncidentPointProperties | ClusterProperties> {
    const listed = clustering.clusters.map((cluster) => cluster.oneSpot && cluster.count <= MAX_LISTED);
    const listedIds = listed.some(Boolean) ? this.#ids(clustering, listed) : [];
    const clusters = clustering.clusters.map((cluster, index): ClusterPoint => {
      const [x0, y0, x1, y1] = cluster.box;
      const properties: ClusterProperties = {
        cluster: true,
        cluster_id: index,
        point_count: cluster.count,
        point_count_abbreviated: abbreviateCount(cluster.count),
        west: lngOf(x0),
        south: latOf(y1),
        east: lngOf(x1),
        north: latOf(y0),
        one_spot: cluster.oneSpot ? 1 : 0,
      };
      if (listed[index]) properties.ids = JSON.stringify(listedIds[index]);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lngOf(cluster.x), latOf(cluster.y)] },
        properties,
      };
    });
    const points: IncidentPoint[] = [];
    for (const position of clustering.singles) {
      const feature = this.point(position);
      if (feature) points.push(feature);
    }
    return { type: 'FeatureCollection', features: [...clusters, ...points] };
  }

  /** Each cluster's members' ids, by cluster index (remembered per clustering). */
  members(clustering: Clustering): string[][] {
    let members = this.#members.get(clustering);
    if (!members) {
      members = this.#ids(
        clustering,
        clustering.clusters.map(() => true),
      );
      this.#members.set(clustering, members);
    }
    return members;
  }

  /** The members' ids of the wanted clusters (one pass over the dataset; the rest stay empty). */
  #ids(clustering: Clustering, wanted: boolean[]): string[][] {
    const ids: string[][] = clustering.clusters.map(() => []);
    for (let i = 0; i < this.incidents.length; i++) {
      const index = clusterOf(clustering, i);
      if (index !== -1 && wanted[index]) ids[index].push(this.incidents[i].id);
    }
    return ids;
  }

  readonly #members = new WeakMap<Clustering, string[][]>();
}
