/**
 * What the map actually drew, read back after `idle` for tests and summaries: the incidents on
 * screen (single points, other places, and every member of each drawn cluster), the selection,
 * the arcs, the incidents whose places are linked, the labels, and where each mark sits, for tests
 * to click (as the timeline's markRect).
 */
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { LAYERS } from './map-ids.ts';

/** A mark on screen, in CSS px relative to the map container. */
export interface RenderedMark {
  kind: 'cluster' | 'incident';
  x: number;
  y: number;
  /** Incidents it stands for. */
  count: number;
  /** Their ids (for a cluster: its members, when the map read them). */
  ids: string[];
}

export interface RenderedLabel {
  text: string;
  x: number;
  y: number;
}

export interface Rendered {
  incidents: string[];
  selection: string[];
  arcs: string[];
  /** Incidents whose places are tied by links (the selected and hovered ones' are not counted). */
  links: string[];
  marks: RenderedMark[];
  labels: RenderedLabel[];
}

/**
 * Past this many cluster members (100,000 synthetic records) the map lists only the unclustered
 * incidents rather than write every id into the page at every idle.
 */
const MAX_CLUSTER_MEMBERS = 20_000;

function project(map: MapLibreMap, feature: MapGeoJSONFeature): { x: number; y: number } {
  const [lng, lat] = (feature.geometry as GeoJSON.Point).coordinates;
  const point = map.project([lng, lat]);
  return { x: Math.round(point.x), y: Math.round(point.y) };
}

function unique<T>(features: MapGeoJSONFeature[], key: (feature: MapGeoJSONFeature) => T): MapGeoJSONFeature[] {
  const seen = new Set<T>();
  return features.filter((feature) => {
    const value = key(feature);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

const idOf = (feature: MapGeoJSONFeature) => String(feature.properties.id);

/** `clusterMembers`: each drawn cluster's members' ids, by `cluster_id`. */
export function readRendered(map: MapLibreMap, clusterMembers: () => string[][]): Rendered {
  // Over a remote basemap our label layers are left out: nothing to read there.
  const query = (layer: string) => (map.getLayer(layer) ? map.queryRenderedFeatures({ layers: [layer] }) : []);
  const clusters = unique(query(LAYERS.clusters), (feature) => feature.properties.cluster_id as number);
  const points = unique(query(LAYERS.points), idOf);
  const secondary = query(LAYERS.secondary);

  const total = clusters.reduce((sum, cluster) => sum + Number(cluster.properties.point_count), 0);
  const byCluster = total <= MAX_CLUSTER_MEMBERS ? clusterMembers() : [];
  const members = clusters.map((cluster) => [...(byCluster[cluster.properties.cluster_id as number] ?? [])]);

  const marks: RenderedMark[] = [
    ...clusters.map((cluster, i) => ({
      kind: 'cluster' as const,
      ...project(map, cluster),
      count: Number(cluster.properties.point_count),
      ids: members[i].sort(),
    })),
    ...points.map((point) => ({ kind: 'incident' as const, ...project(map, point), count: 1, ids: [idOf(point)] })),
  ];
  const sortedIds = (ids: Iterable<string>) => [...new Set(ids)].sort();
  return {
    incidents: sortedIds([...members.flat(), ...points.map(idOf), ...secondary.map(idOf)]),
    selection: sortedIds(query(LAYERS.selected).map(idOf)),
    arcs: sortedIds(query(LAYERS.arcs).map((arc) => `${arc.properties.from}>${arc.properties.to}`)),
    links: sortedIds(query(LAYERS.links).map(idOf)),
    marks,
    labels: unique([...query(LAYERS.countryLabels), ...query(LAYERS.capitalLabels)], (label) =>
      String(label.properties.label),
    ).map((label) => ({ text: String(label.properties.label), ...project(map, label) })),
  };
}
