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
  mercatorX,
  mercatorY,
  PointGrid,
  type ClusterOptions,
  type Clustering,
  type MercatorBox,
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

const WORLD: MercatorBox = [0, 0, 1, 1];

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
    const boxes: number[] = [];
    for (let i = 0; i < incidents.length; i++) {
      const { places } = incidents[i];
      firstPlaces[i] = places.length > 0 ? places[0].lngLat : null;
      if (places.length < 2) continue;
      several.push(i);
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const { lngLat } of places) {
        const x = mercatorX(lngLat[0]);
        const y = mercatorY(lngLat[1]);
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
      boxes.push(x0, y0, x1, y1);
    }
    this.grid = new PointGrid(firstPlaces, options);
    this.#several = Int32Array.from(several);
    this.#severalBoxes = Float64Array.from(boxes);
  }

  /**
   * The flagged incidents with more than one place, in dataset order (most datasets have few):
   * those with a place in `area`, the first `limit` of them. Their other places are drawn
   * unclustered, so a dataset where every incident has two places would otherwise send MapLibre,
   * and the sketch, every one of them at each update.
   */
  withSeveralPlaces(mask: Uint8Array, area: MercatorBox = WORLD, limit = Infinity): LoadedIncident[] {
    const several = this.#several;
    const boxes = this.#severalBoxes;
    const [ax0, ay0, ax1, ay1] = area;
    const found: LoadedIncident[] = [];
    for (let k = 0; k < several.length && found.length < limit; k++) {
      const position = several[k];
      if (mask[position] !== 1) continue;
      const b = 4 * k;
      if (boxes[b] > ax1 || boxes[b + 2] < ax0 || boxes[b + 1] > ay1 || boxes[b + 3] < ay0) continue;
      found.push(this.incidents[position]);
    }
    return found;
  }

  /** Dataset positions of the incidents with more than one place. */
  readonly #several: Int32Array;
  /** The Mercator box of each one's places (`x0, y0, x1, y1`), in the order of `#several`. */
  readonly #severalBoxes: Float64Array;

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
