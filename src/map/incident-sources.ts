/**
 * Keeps the map's incident sources (the clustered points, the other places and their links) in
 * step with what the app shows, cheaply at 100,000 incidents: updates are sent after the views have
 * painted (handing 100,000 points to MapLibre costs the page a few hundred ms), only the latest,
 * as a diff of cached point features when that is smaller, and one at a time: while MapLibre's
 * worker is still clustering the last update (hundreds of ms at 100,000 points), newer changes wait
 * and only the latest is sent.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { IncidentPointCache } from '../lib/map-points.ts';
import { markMoment } from '../lib/mark-moment.ts';
import { afterThisFrame, nextTask } from '../lib/next-task.ts';
import type { LoadedIncident } from '../lib/parse-incidents.ts';
import { SOURCES } from './map-ids.ts';

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

export class IncidentSources {
  readonly #map: MapLibreMap;
  readonly #data: MapData;
  /** Sets a source's data and reports the map busy. */
  readonly #setData: (source: string, data: GeoJSON.GeoJSON) => void;
  #pending: MapIncidents | null = null;
  /** The update MapLibre's worker is busy with, if any. */
  #inFlight: Promise<void> | null = null;
  #frame = 0;
  #points: IncidentPointCache | null = null;
  /** What the points source holds, as flags by dataset position; null when unknown. */
  #shownMask: Uint8Array | null = null;
  /** Whether the other-places and links sources may hold anything (the style starts them empty). */
  #secondaryShown = false;
  #destroyed = false;

  constructor(map: MapLibreMap, data: MapData, setData: (source: string, data: GeoJSON.GeoJSON) => void) {
    this.#map = map;
    this.#data = data;
    this.#setData = setData;
  }

  /** Incidents are waiting to be sent: the map does not show what it should yet. */
  get waiting(): boolean {
    return this.#pending !== null;
  }

  /** Shows these incidents, soon. */
  show(incidents: MapIncidents): void {
    this.#pending = incidents;
    if (!this.#inFlight) this.#schedule(incidents);
  }

  /** The sources may have lost what they held (a lost WebGL context): the next update sends everything. */
  forget(): void {
    this.#shownMask = null;
    this.#inFlight = null;
    this.#secondaryShown = true;
  }

  destroy(): void {
    this.#destroyed = true;
    cancelAnimationFrame(this.#frame);
  }

  /**
   * A new dataset goes in the next task (nothing of it is on the map yet, and a task of its own
   * keeps the page from stalling for the views' update and this one together); later changes
   * wait for the views to paint.
   */
  #schedule(incidents: MapIncidents): void {
    if (this.#points?.incidents !== incidents.dataset) void nextTask().then(() => this.#send());
    else
      this.#frame ||= requestAnimationFrame(() => {
        this.#frame = 0;
        afterThisFrame(() => this.#send());
      });
  }

  #send(): void {
    const next = this.#pending;
    this.#pending = null;
    const source = this.#map.getSource<GeoJSONSource>(SOURCES.incidents);
    if (!next || this.#destroyed || !source) return;
    if (this.#points?.incidents !== next.dataset) {
      this.#points = new this.#data.IncidentPointCache(next.dataset);
      this.#shownMask = null;
    }
    const points = this.#points;
    const diff = this.#shownMask ? points.diff(this.#shownMask, next.mask) : null;
    let sent: Promise<void> | null = null;
    if (diff && diff.add.length === 0 && diff.remove.length === 0) this.#map.triggerRepaint();
    else if (diff && diff.add.length <= next.list.length / 2) sent = source.updateData(diff);
    else sent = source.setData(points.collection(next.mask));
    this.#shownMask = next.mask;
    if (sent) {
      const current = (this.#inFlight = sent
        .catch(() => {})
        .then(() => {
          if (this.#inFlight !== current) return;
          this.#inFlight = null;
          if (this.#pending) this.#schedule(this.#pending);
        }));
    }
    markMoment('atlas:map-data');
    // The other places and their links: most datasets have none, and an empty source set empty
    // again still reloads its tiles and redraws.
    const secondary = this.#data.secondaryPlaces(next.list);
    const links = this.#data.placeLinks(next.list, LINKED_INCIDENTS_LIMIT);
    if (secondary.features.length > 0 || this.#secondaryShown) this.#setData(SOURCES.secondary, secondary);
    if (links.features.length > 0 || this.#secondaryShown) this.#setData(SOURCES.links, links);
    this.#secondaryShown = secondary.features.length > 0 || links.features.length > 0;
  }
}
