/**
 * Keeps the map's incident sources (the clustered points, the other places and their links) in
 * step with what the app shows, cheaply at 100,000 incidents. The points are clustered on our side
 * (map-clusters.ts) for the map's whole zoom and the area around the screen, so MapLibre gets a few
 * hundred features per update instead of re-indexing every point in its worker; the clustering is
 * made again when the shown incidents change, when the map crosses a whole zoom level, or when it
 * is panned out of the area clustered. Updates are sent after the views have painted, only the
 * latest, one at a time.
 *
 * While the timeline moves with the map following it, the marks are sketched on a canvas over the
 * map instead (map-sketch.ts) and MapLibre's incident layers are faded out: without a GPU each
 * MapLibre redraw costs a long frame. When the gesture ends MapLibre gets the last marks, and the
 * sketch goes in the frame that shows them.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import {
  clusterArea,
  containsBox,
  mercatorX,
  mercatorY,
  type Clustering,
  type MercatorBox,
} from '../lib/map-clusters.ts';
import type { IncidentPointCache } from '../lib/map-points.ts';
import { markMoment } from '../lib/mark-moment.ts';
import { afterThisFrame, nextTask } from '../lib/next-task.ts';
import type { LoadedIncident } from '../lib/parse-incidents.ts';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, LAYERS, SECONDARY, SOURCES } from './map-ids.ts';
import type { MapSketch, SketchedMark, SketchedMarks } from './map-sketch.ts';
import type { MapTheme } from './map-theme.ts';

/** What the map draws: the incidents passing every filter and inside the time window. */
export interface MapIncidents {
  list: readonly LoadedIncident[];
  /** The same as flags by position in `dataset`. */
  mask: Uint8Array;
  dataset: readonly LoadedIncident[];
}

/**
 * The other places and links of at most this many incidents (with a place in the area clustered)
 * are drawn, unclustered; the selected and hovered ones' places always are.
 */
const LINKED_INCIDENTS_LIMIT = 100;

type MapData = typeof import('./map-data.ts');

/** The paint values that fade MapLibre's incident marks out while the sketch stands in for them. */
type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];
type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2];
const FADED_PAINT: [layer: string, property: PaintProperty][] = [
  [LAYERS.links, 'line-opacity'],
  [LAYERS.secondary, 'circle-opacity'],
  [LAYERS.secondary, 'circle-stroke-opacity'],
  [LAYERS.clusters, 'circle-opacity'],
  [LAYERS.clusters, 'circle-stroke-opacity'],
  [LAYERS.clusterCounts, 'text-opacity'],
  [LAYERS.points, 'circle-opacity'],
  [LAYERS.points, 'circle-stroke-opacity'],
];

function sameFlags(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class IncidentSources {
  readonly #map: MapLibreMap;
  readonly #data: MapData;
  /** What the app wants shown; `#pending` is set while that is not sent yet. */
  #wanted: MapIncidents | null = null;
  #pending = false;
  /** The update MapLibre's worker is busy with, if any. */
  #inFlight: Promise<void> | null = null;
  #frame = 0;
  #points: IncidentPointCache | null = null;
  /** The clustering the points source holds, and the flags it was made from. */
  #clustering: Clustering | null = null;
  #clusteredMask: Uint8Array | null = null;
  #destroyed = false;
  readonly #theme: () => MapTheme;
  /** Whether updates are sketched rather than sent (the timeline is moving). */
  #sketching = false;
  #sketch: MapSketch | null = null;
  /** The clustering the sketch shows. */
  #sketched: Clustering | null = null;
  /** The faded layers' own paint values, to restore; null when not faded. */
  #fadedFrom: [layer: string, property: PaintProperty, value: PaintValue][] | null = null;
  /** Counts sketches, so that a MapLibre update that lands after a new sketch began leaves it be. */
  #sketchGeneration = 0;
  /** Marks were sent and their tiles are not all loaded yet. */
  #tilesPending = false;
  /** What waits for the marks being sent to be ready to draw (`afterMarks`). */
  #afterMarks: (() => void)[] = [];

  constructor(map: MapLibreMap, data: MapData, theme: () => MapTheme) {
    this.#map = map;
    this.#data = data;
    this.#theme = theme;
    map.on('move', this.#onmove);
    map.on('sourcedata', this.#onsourcedata);
    map.on('idle', this.#onidle);
  }

  /**
   * Calls `callback` once the marks on their way to MapLibre are ready to draw (their tiles
   * loaded), or at once when none are: a change drawn with them costs no redraw of its own, and
   * without a GPU a redraw is 40–75 ms of the two cores the worker making those tiles needs.
   */
  afterMarks(callback: () => void): void {
    if (this.#pending || this.#tilesPending) this.#afterMarks.push(callback);
    else callback();
  }

  #marksReady(): void {
    if (this.#pending || this.#tilesPending) return;
    const waiting = this.#afterMarks;
    this.#afterMarks = [];
    for (const callback of waiting) callback();
  }

  /** Idle: every tile is loaded, or there were none to load (a map with no room on the page). */
  readonly #onidle = () => {
    if (!this.#tilesPending) return;
    this.#tilesPending = false;
    this.#marksReady();
  };

  readonly #onsourcedata = (event: { sourceId?: string; tile?: unknown }) => {
    if (!this.#tilesPending || event.sourceId !== SOURCES.incidents || !event.tile) return;
    if (!this.#map.isSourceLoaded(SOURCES.incidents)) return;
    this.#tilesPending = false;
    this.#marksReady();
  };

  /**
   * Whether MapLibre has these incidents' dataset and nothing is waiting to be sent or sketched:
   * only then does the map's idle mean it shows what it should.
   */
  shows(incidents: MapIncidents): boolean {
    return !this.#pending && this.#fadedFrom === null && this.#wanted?.dataset === incidents.dataset;
  }

  /**
   * Sketches the updates (true) while the timeline moves, or sends MapLibre the last (false). A
   * new dataset is always sent: there is nothing of it on the map to fade.
   */
  sketch(on: boolean): void {
    if (on === this.#sketching) return;
    this.#sketching = on;
    if (on || this.#fadedFrom === null) return;
    this.#pending = true;
    if (!this.#inFlight) this.#schedule();
  }

  /**
   * Sets a paint value of the theme's. A faded layer keeps its 0 while the sketch stands in for it:
   * the new value is what it gets back.
   */
  setThemePaint(layer: string, property: PaintProperty, value: PaintValue): void {
    const saved = this.#fadedFrom?.find((faded) => faded[0] === layer && faded[1] === property);
    if (saved) saved[2] = value;
    else this.#map.setPaintProperty(layer, property, value);
  }

  /** Shows these incidents, soon. */
  show(incidents: MapIncidents): void {
    this.#wanted = incidents;
    this.#pending = true;
    if (!this.#inFlight) this.#schedule();
  }

  /** The marks sketched over the map, while the timeline moves (empty otherwise). */
  sketched(): readonly SketchedMark[] {
    return this.#sketch?.drawn ?? [];
  }

  /** Each drawn cluster's members' ids, by `cluster_id` (what the map drew at its last idle). */
  clusterMembers(): string[][] {
    return this.#clustering && this.#points ? this.#points.members(this.#clustering) : [];
  }

  /** The sources may have lost what they held (a lost WebGL context): the next update sends everything. */
  forget(): void {
    this.#sketch?.clear();
    this.#fadedFrom = null;
    this.#clustering = null;
    this.#clusteredMask = null;
    this.#inFlight = null;
    this.#tilesPending = false;
    this.#marksReady();
  }

  destroy(): void {
    this.#destroyed = true;
    this.#map.off('move', this.#onmove);
    this.#map.off('sourcedata', this.#onsourcedata);
    this.#map.off('idle', this.#onidle);
    this.#afterMarks = [];
    cancelAnimationFrame(this.#frame);
    this.#sketch?.clear();
  }

  /** The whole zoom to cluster at (every zoom past clustering is the same). */
  #zoom(): number {
    return Math.min(Math.floor(this.#map.getZoom()), CLUSTER_MAX_ZOOM + 1);
  }

  #screen(): MercatorBox {
    const bounds = this.#map.getBounds();
    return [
      mercatorX(bounds.getWest()),
      mercatorY(bounds.getNorth()),
      mercatorX(bounds.getEast()),
      mercatorY(bounds.getSouth()),
    ];
  }

  /** The camera moved: cluster again once it has left the zoom level or the area clustered. */
  readonly #onmove = () => {
    this.#sketch?.follow();
    const clustering = this.#fadedFrom ? this.#sketched : this.#clustering;
    if (!clustering || this.#pending || !this.#wanted) return;
    if (clustering.zoom === this.#zoom() && containsBox(clustering.area, this.#screen())) return;
    this.#pending = true;
    if (!this.#inFlight) this.#schedule();
  };

  /**
   * A new dataset goes in the next task (nothing of it is on the map yet, and a task of its own
   * keeps the page from stalling for the views' update and this one together); later changes
   * wait for the views to paint.
   */
  #schedule(): void {
    if (this.#points?.incidents !== this.#wanted?.dataset) void nextTask().then(() => this.#send());
    else
      this.#frame ||= requestAnimationFrame(() => {
        this.#frame = 0;
        afterThisFrame(() => this.#send());
      });
  }

  #send(): void {
    const next = this.#wanted;
    const source = this.#map.getSource<GeoJSONSource>(SOURCES.incidents);
    if (!this.#pending || !next || this.#destroyed || !source) return;
    this.#pending = false;
    if (this.#points?.incidents !== next.dataset) {
      this.#points = new this.#data.IncidentPointCache(next.dataset, {
        radiusPx: CLUSTER_RADIUS_PX,
        maxZoom: CLUSTER_MAX_ZOOM,
      });
      this.#clustering = null;
      // The sketch shows the previous dataset: it goes as soon as MapLibre draws the new one.
      this.#unfade();
    }
    if (this.#sketching && this.#clustering) {
      this.#drawSketch(next);
      return this.#marksReady();
    }
    const zoom = this.#zoom();
    const screen = this.#screen();
    const shown = this.#clustering;
    if (
      shown &&
      shown.zoom === zoom &&
      containsBox(shown.area, screen) &&
      this.#clusteredMask &&
      sameFlags(this.#clusteredMask, next.mask)
    )
      this.#map.triggerRepaint();
    else {
      const clustering = this.#points.grid.cluster(next.mask, zoom, clusterArea(screen));
      this.#clustering = clustering;
      this.#clusteredMask = next.mask.slice();
      this.#tilesPending = true;
      const sent = source.setData(this.#marks(clustering, next.mask));
      const current = (this.#inFlight = sent
        .catch(() => {})
        .then(() => {
          if (this.#inFlight !== current) return;
          this.#inFlight = null;
          if (this.#pending) this.#schedule();
        }));
    }
    if (this.#fadedFrom) this.#unfadeWithMarks();
    this.#marksReady();
    markMoment('atlas:map-data');
  }

  /**
   * Everything the incident layers draw, in one source: the clusters and points, the other places
   * (marked `SECONDARY`) and the lines tying them. One source is one update for MapLibre's worker
   * and one set of tiles to wait for (three sources cost a filter change 20 ms more at 100,000).
   */
  #marks(clustering: Clustering, mask: Uint8Array): GeoJSON.FeatureCollection {
    const { secondary, links } = this.#otherPlaces(mask, clustering.area);
    return {
      type: 'FeatureCollection',
      features: [
        ...this.#points!.features(clustering).features,
        ...secondary.features.map((feature) => ({ ...feature, properties: { ...feature.properties, [SECONDARY]: 1 } })),
        ...links.features,
      ],
    };
  }

  /** The flagged incidents' places after their first, and the links between each one's places. */
  #otherPlaces(mask: Uint8Array, area: MercatorBox): Pick<SketchedMarks, 'secondary' | 'links'> {
    const several = this.#points!.withSeveralPlaces(mask, area, LINKED_INCIDENTS_LIMIT);
    return { secondary: this.#data.secondaryPlaces(several), links: this.#data.placeLinks(several) };
  }

  #drawSketch(next: MapIncidents): void {
    const points = this.#points!;
    const clustering = points.grid.cluster(next.mask, this.#zoom(), clusterArea(this.#screen()));
    this.#sketched = clustering;
    const marks: SketchedMarks = {
      incidents: points.features(clustering),
      ...this.#otherPlaces(next.mask, clustering.area),
    };
    this.#sketch ??= new this.#data.MapSketch(this.#map);
    this.#sketch.draw(marks, this.#theme());
    this.#fade();
    markMoment('atlas:map-data');
  }

  #fade(): void {
    this.#sketchGeneration++;
    if (this.#fadedFrom) return;
    const map = this.#map;
    this.#fadedFrom = FADED_PAINT.filter(([layer]) => map.getLayer(layer)).map(([layer, property]) => [
      layer,
      property,
      map.getPaintProperty(layer, property) as PaintValue,
    ]);
    for (const [layer, property] of this.#fadedFrom) map.setPaintProperty(layer, property, 0);
  }

  /**
   * Once what MapLibre was just sent is ready to draw, its marks come back and the sketch goes, in
   * the frame that draws them. (Waiting for the map's idle instead drew twice: the new marks while
   * still faded, then again to show them, a WebGL redraw each.)
   */
  #unfadeWithMarks(): void {
    const generation = this.#sketchGeneration;
    this.afterMarks(() => {
      if (this.#destroyed || this.#sketching || generation !== this.#sketchGeneration) return;
      this.#unfade();
    });
  }

  #unfade(): void {
    const faded = this.#fadedFrom;
    if (!faded) return;
    this.#fadedFrom = null;
    const map = this.#map;
    for (const [layer, property, value] of faded) map.setPaintProperty(layer, property, value);
    // Cleared as MapLibre renders the restored layers: both show in the same frame.
    const generation = this.#sketchGeneration;
    map.once('render', () => {
      if (generation === this.#sketchGeneration) this.#sketch?.clear();
    });
  }
}
