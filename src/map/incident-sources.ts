/**
 * Keeps the map's incident sources (the clustered points, the other places and their links) in
 * step with what the app shows, cheaply at 100,000 incidents. The points are clustered on our side
 * (map-clusters.ts) for the map's whole zoom and the area around the screen, so MapLibre gets a few
 * hundred features per update instead of re-indexing every point in its worker; the clustering is
 * made again when the shown incidents change, when the map crosses a whole zoom level, or when it
 * is panned out of the area clustered. Updates are sent after the views have painted, only the
 * latest, one at a time.
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
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, SOURCES } from './map-ids.ts';

/** What the map draws: the incidents passing every filter and inside the time window. */
export interface MapIncidents {
  list: readonly LoadedIncident[];
  /** The same as flags by position in `dataset`. */
  mask: Uint8Array;
  dataset: readonly LoadedIncident[];
}

/** Beyond this many incidents with several places, only the selected one's places are linked. */
const LINKED_INCIDENTS_LIMIT = 2_000;

type MapData = typeof import('./map-data.ts');

function sameFlags(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class IncidentSources {
  readonly #map: MapLibreMap;
  readonly #data: MapData;
  /** Sets a source's data and reports the map busy. */
  readonly #setData: (source: string, data: GeoJSON.GeoJSON) => void;
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
  /** The list the other places and links were last made from. */
  #secondaryList: readonly LoadedIncident[] | null = null;
  /** Whether the other-places and links sources may hold anything (the style starts them empty). */
  #secondaryShown = false;
  #destroyed = false;

  constructor(map: MapLibreMap, data: MapData, setData: (source: string, data: GeoJSON.GeoJSON) => void) {
    this.#map = map;
    this.#data = data;
    this.#setData = setData;
    map.on('move', this.#onmove);
  }

  /** Incidents are waiting to be sent: the map does not show what it should yet. */
  get waiting(): boolean {
    return this.#pending;
  }

  /** Shows these incidents, soon. */
  show(incidents: MapIncidents): void {
    this.#wanted = incidents;
    this.#pending = true;
    if (!this.#inFlight) this.#schedule();
  }

  /** Each drawn cluster's members' ids, by `cluster_id` (what the map drew at its last idle). */
  clusterMembers(): string[][] {
    return this.#clustering && this.#points ? this.#points.members(this.#clustering) : [];
  }

  /** The sources may have lost what they held (a lost WebGL context): the next update sends everything. */
  forget(): void {
    this.#clustering = null;
    this.#clusteredMask = null;
    this.#secondaryList = null;
    this.#inFlight = null;
    this.#secondaryShown = true;
  }

  destroy(): void {
    this.#destroyed = true;
    this.#map.off('move', this.#onmove);
    cancelAnimationFrame(this.#frame);
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
    const clustering = this.#clustering;
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
      const sent = source.setData(this.#points.features(clustering));
      const current = (this.#inFlight = sent
        .catch(() => {})
        .then(() => {
          if (this.#inFlight !== current) return;
          this.#inFlight = null;
          if (this.#pending) this.#schedule();
        }));
    }
    markMoment('atlas:map-data');
    if (next.list === this.#secondaryList) return;
    this.#secondaryList = next.list;
    // The other places and their links: most datasets have none, and an empty source set empty
    // again still reloads its tiles and redraws.
    const several = this.#points.withSeveralPlaces(next.mask);
    const secondary = this.#data.secondaryPlaces(several);
    const links = this.#data.placeLinks(several, LINKED_INCIDENTS_LIMIT);
    if (secondary.features.length > 0 || this.#secondaryShown) this.#setData(SOURCES.secondary, secondary);
    if (links.features.length > 0 || this.#secondaryShown) this.#setData(SOURCES.links, links);
    this.#secondaryShown = secondary.features.length > 0 || links.features.length > 0;
  }
}
