/**
 * The choropleth on the map: each country's shade as feature state of the countries source.
 * Feature state outlives `setData` (the 50m upgrade) but not a lost context. Shades are applied
 * after the views have painted (a WebGL redraw in their frame would delay them) together with the
 * points (drawn in the same redraw), not while the timeline moves, and a new dataset's with its
 * points.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterThisFrame, nextTask } from '../lib/next-task.ts';
import { SOURCES } from './map-ids.ts';

/** Shades wait no longer than this for the incidents' marks they go with (a failed update, a lost context). */
const MARKS_WAIT_MS = 400;

export class CountryShades {
  readonly #map: MapLibreMap;
  /** Calls back once the incidents' marks on their way are ready to draw (IncidentSources). */
  readonly #afterMarks: (callback: () => void) => void;
  #applied = new Set<string>();
  #pending: ReadonlyMap<string, number> | null = null;
  #frame = 0;
  /** The dataset the shades were last applied for. */
  #dataset: unknown = null;
  #destroyed = false;

  constructor(map: MapLibreMap, afterMarks: (callback: () => void) => void) {
    this.#map = map;
    this.#afterMarks = afterMarks;
  }

  /** Whether shades wait to be applied: the map does not show what it should until they are. */
  get pending(): boolean {
    return this.#pending !== null;
  }

  /** `values` by country code, for `dataset`; held while `sketching` (the timeline moves). */
  set(values: ReadonlyMap<string, number>, dataset: unknown, sketching: boolean): void {
    this.#pending = values;
    if (sketching) return;
    if (dataset !== this.#dataset) {
      // A new dataset's shades go with its marks, which IncidentSources sends in the next task:
      // one redraw for both (after the marks, the shades' own redraw held the ready back).
      this.#dataset = dataset;
      void nextTask().then(this.#apply);
      return;
    }
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      afterThisFrame(() => {
        this.#afterMarks(this.#apply);
        setTimeout(this.#apply, MARKS_WAIT_MS);
      });
    });
  }

  /** The map lost its feature state (a lost context, or a style not ready): all go again. */
  forget(): void {
    this.#applied = new Set();
    this.#dataset = null;
  }

  destroy(): void {
    this.#destroyed = true;
    cancelAnimationFrame(this.#frame);
  }

  readonly #apply = (): void => {
    const values = this.#pending;
    this.#pending = null;
    if (!values || this.#destroyed) return;
    const map = this.#map;
    for (const code of this.#applied)
      if (!values.has(code)) map.setFeatureState({ source: SOURCES.countries, id: code }, { shade: null });
    for (const [code, shade] of values) map.setFeatureState({ source: SOURCES.countries, id: code }, { shade });
    this.#applied = new Set(values.keys());
    map.triggerRepaint();
  };
}
