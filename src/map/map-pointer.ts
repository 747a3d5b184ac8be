/**
 * Pointer interaction on the map canvas, in one place so that a click means one thing: a cluster
 * expands (zooming to where it splits), an incident is selected, and otherwise the country under
 * the pointer toggles the country filter. Incidents that share a place never split however far one
 * zooms (two cases in one London building): a click on them, or on a cluster of only them, lists
 * them to choose from instead. Hover reports what is under the pointer.
 */
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { ClusterProperties } from '../lib/map-points.ts';
import { CLUSTER_MAX_ZOOM, LAYERS } from './map-ids.ts';

/** A small cluster at one spot, which no zoom splits, is listed on click. */
function listsMembers(cluster: ClusterProperties): cluster is ClusterProperties & { ids: string } {
  return Boolean(cluster.one_spot) && typeof cluster.ids === 'string';
}

/** What the pointer is over, with its position in CSS px relative to the map container. */
export type PointerTarget =
  | { kind: 'incident'; id: string; x: number; y: number }
  /** `listed`: its members share one place, so a click lists them rather than zooming in. */
  | { kind: 'cluster'; count: number; listed: boolean; x: number; y: number }
  | { kind: 'country'; code: string; x: number; y: number };

/** Incidents drawn at one spot, and where (CSS px relative to the map container). */
export interface IncidentStack {
  ids: string[];
  x: number;
  y: number;
}

export interface PointerHandlers {
  onselect: (id: string) => void;
  /** Several incidents drawn at one spot, to choose from; null once the map moves. */
  onstack: (stack: IncidentStack | null) => void;
  oncountry: (code: string) => void;
  onpointer: (target: PointerTarget | null) => void;
  /** Animations are instant under prefers-reduced-motion. */
  reducedMotion: () => boolean;
}

/** A few pixels of slack so small dots are easy to hit. */
const HIT_SLOP_PX = 3;

/** Room around a cluster's members when zooming onto them, CSS px. */
const EXPAND_PADDING_PX = 48;

const hitBox = (point: { x: number; y: number }): [PointLike, PointLike] => [
  [point.x - HIT_SLOP_PX, point.y - HIT_SLOP_PX],
  [point.x + HIT_SLOP_PX, point.y + HIT_SLOP_PX],
];

function featureAt(map: MapLibreMap, point: { x: number; y: number }): MapGeoJSONFeature | undefined {
  const order = [LAYERS.selected, LAYERS.clusters, LAYERS.points, LAYERS.secondary];
  const marks = map.queryRenderedFeatures(hitBox(point), { layers: order });
  marks.sort(
    (a, b) => order.indexOf(a.layer.id as (typeof order)[number]) - order.indexOf(b.layer.id as (typeof order)[number]),
  );
  return marks[0] ?? map.queryRenderedFeatures([point.x, point.y], { layers: [LAYERS.countryFill] })[0];
}

function targetOf(feature: MapGeoJSONFeature | undefined, event: MapMouseEvent): PointerTarget | null {
  if (!feature) return null;
  const { x, y } = event.point;
  if (feature.layer.id === LAYERS.clusters) {
    const cluster = feature.properties as ClusterProperties;
    return { kind: 'cluster', count: Number(cluster.point_count), listed: listsMembers(cluster), x, y };
  }
  if (feature.layer.id === LAYERS.countryFill) {
    const code = String(feature.properties.code ?? '');
    return code ? { kind: 'country', code, x, y } : null;
  }
  return { kind: 'incident', id: String(feature.properties.id), x, y };
}

/** The distinct incidents drawn under a point (a dot hides the ones at the same place beneath it). */
function incidentsAt(map: MapLibreMap, point: { x: number; y: number }): string[] {
  const marks = map.queryRenderedFeatures(hitBox(point), { layers: [LAYERS.points, LAYERS.secondary] });
  return [...new Set(marks.map((mark) => String(mark.properties.id)))];
}

/**
 * Zooms onto a cluster's members, far enough for it to split (past the last clustered zoom if need
 * be); a small cluster whose members all share one place never splits, so its members are listed
 * instead.
 */
function expandCluster(
  map: MapLibreMap,
  feature: MapGeoJSONFeature,
  at: { x: number; y: number },
  handlers: Pick<PointerHandlers, 'onstack' | 'reducedMotion'>,
) {
  const cluster = feature.properties as ClusterProperties;
  if (listsMembers(cluster)) return handlers.onstack({ ids: JSON.parse(cluster.ids) as string[], ...at });
  const zoom = map.getZoom();
  const framed = map.cameraForBounds(
    [
      [cluster.west, cluster.south],
      [cluster.east, cluster.north],
    ],
    { padding: EXPAND_PADDING_PX },
  );
  const [lng, lat] = (feature.geometry as GeoJSON.Point).coordinates;
  map.easeTo({
    center: framed?.center ?? [lng, lat],
    zoom: Math.min(Math.max(framed?.zoom ?? 0, Math.floor(zoom) + 1), CLUSTER_MAX_ZOOM + 1, map.getMaxZoom()),
    duration: handlers.reducedMotion() ? 0 : 500,
  });
}

/** Wires click and hover; returns the function that unwires them. */
export function listenToPointer(map: MapLibreMap, handlers: PointerHandlers): () => void {
  const canvas = map.getCanvas();
  const onclick = (event: MapMouseEvent) => {
    const feature = featureAt(map, event.point);
    if (!feature) return;
    const at = { x: event.point.x, y: event.point.y };
    if (feature.layer.id === LAYERS.clusters) expandCluster(map, feature, at, handlers);
    else if (feature.layer.id === LAYERS.countryFill) {
      const code = String(feature.properties.code ?? '');
      if (code) handlers.oncountry(code);
    } else {
      const stacked = incidentsAt(map, event.point);
      if (stacked.length > 1) handlers.onstack({ ids: stacked, ...at });
      else handlers.onselect(String(feature.properties.id));
    }
  };
  /** What the pointer is over, so that leaving or moving the map clears only what the map set. */
  let current: PointerTarget | null = null;
  const report = (target: PointerTarget | null) => {
    current = target;
    canvas.style.cursor = target ? 'pointer' : '';
    handlers.onpointer(target);
  };
  const onmove = (event: MapMouseEvent) => report(targetOf(featureAt(map, event.point), event));
  const onleave = () => {
    if (current !== null) report(null);
  };
  map.on('click', onclick);
  map.on('mousemove', onmove);
  map.on('mouseout', onleave);
  // Once the map moves, what was under the pointer no longer is (a cluster just clicked has split).
  const onmovestart = () => {
    onleave();
    handlers.onstack(null);
  };
  map.on('movestart', onmovestart);
  return () => {
    map.off('movestart', onmovestart);
    map.off('click', onclick);
    map.off('mousemove', onmove);
    map.off('mouseout', onleave);
  };
}
