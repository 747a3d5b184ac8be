/**
 * The one state of an atlas: the dataset, the filters, the visible time window, selection and
 * hover, and readiness. Everything else is derived. Shared by context, never a module singleton:
 * several atlases may live on one page.
 */
import { createContext } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import type { EmptyReason } from '../lib/empty-view.ts';
import { EMPTY_FILTERS, timeExtent, type Filters, type TimeWindow } from '../lib/filter.ts';
import type { LoadedDataset, LoadedIncident } from '../lib/parse-incidents.ts';
import type { MapView } from '../lib/map-view.ts';
import { paddedWindow } from '../lib/time-scale.ts';
import type { LaneMode } from '../lib/timeline-lanes.ts';
import { AtlasFiltering } from './atlas-filtering.svelte.ts';

export type AtlasStatus = 'loading' | 'ready' | 'error';
/** How the map follows a running timeline gesture: when it ends (`deferred`) or as it runs (`live`). */
export type MapDuringGestures = 'deferred' | 'live';
export type MapState = 'loading' | 'moving' | 'idle' | 'unavailable';
/** How the timeline groups incidents into lanes (URL `lanes`). */
export type { LaneMode };
/** Colour scheme (URL `theme`); `auto` follows the system. */
export type ThemeChoice = 'auto' | 'light' | 'dark';
/** A map camera, as in the URL's `map=zoom/lat/lng`. */
export type { MapView } from '../lib/map-view.ts';

export class AtlasState {
  /** The loaded dataset; replaced wholesale, never mutated. */
  dataset = $state.raw<LoadedDataset | null>(null);
  /** Why nothing could be shown, in plain words. */
  loadError = $state<string | null>(null);
  loading = $state(true);
  filters = $state.raw<Filters>(EMPTY_FILTERS);
  /** The timeline's visible range, which is also the time filter. Null until data arrives. */
  window = $state.raw<TimeWindow | null>(null);
  selectedId = $state<string | null>(null);
  hoveredId = $state<string | null>(null);
  /** Set by the timeline once it has drawn the current dataset. */
  timelineDrawn = $state(false);
  mapState = $state<MapState>('loading');
  /** The map has been idle (or declared unavailable) since the current dataset arrived. */
  mapSettled = $state(false);
  lanes = $state<LaneMode>('none');
  theme = $state<ThemeChoice>('auto');
  /** The map camera: the map writes it as it moves; setting it from elsewhere (URL) moves the map. */
  mapView = $state.raw<MapView | null>(null);
  /** Whether the map draws arcs from actor countries to the countries incidents are about. */
  showArcs = $state(false);
  /**
   * Set by the map once it exists: resolves to a canvas holding the map as last drawn (for PNG
   * export), or null when the map is unavailable. WebGL clears its buffer after compositing, so
   * the map copies it inside a render.
   */
  captureMap: (() => Promise<HTMLCanvasElement | null>) | null = null;
  /**
   * True while a timeline gesture or animation moves the window (it changes many times a second).
   * Set by the timeline.
   */
  timelineMoving = $state(false);
  /**
   * `live` (the default): the map follows the timeline as it moves, its incident marks sketched on
   * a canvas over it meanwhile (map-sketch.ts: a WebGL redraw per update would cost frames without
   * a GPU). `deferred`: the map keeps what it shows and catches up when the gesture ends; the list
   * and counts follow either way.
   */
  mapDuringGestures = $state<MapDuringGestures>('live');
  /** Small messages about input that was ignored or changed (URL parameters, imports). */
  notices = $state.raw<string[]>([]);

  #systemDark = new MediaQuery('(prefers-color-scheme: dark)');
  /** The theme in effect: the user's choice, or the system's when `auto`. */
  effectiveTheme: 'light' | 'dark' = $derived(
    this.theme === 'auto' ? (this.#systemDark.current ? 'dark' : 'light') : this.theme,
  );

  incidents: LoadedIncident[] = $derived(this.dataset?.incidents ?? []);
  byId: Map<string, LoadedIncident> = $derived(new Map(this.incidents.map((incident) => [incident.id, incident])));
  /** The dataset in columns, and what the filters and the window leave of it (flags, lists, facet counts). */
  readonly filtering = new AtlasFiltering(this);
  /** Incidents passing every filter but time: what the timeline draws. */
  filtered: LoadedIncident[] = $derived(this.filtering.filtered);
  /** Incidents passing every filter and inside the window: what the map, the list and the counts show. */
  visible: LoadedIncident[] = $derived(this.filtering.visible);
  selected: LoadedIncident | null = $derived(
    this.selectedId === null ? null : (this.byId.get(this.selectedId) ?? null),
  );
  extent: TimeWindow | null = $derived(timeExtent(this.incidents, Date.now()));

  /** Why a view would be empty: nothing read yet, nothing readable, or the filters (and window). */
  emptyReason: EmptyReason = $derived(
    this.dataset === null && this.loadError === null
      ? 'loading'
      : this.incidents.length === 0
        ? 'no-incidents'
        : 'filtered',
  );

  status: AtlasStatus = $derived.by(() => {
    if (this.loadError !== null) return 'error';
    if (this.loading || this.dataset === null) return 'loading';
    return this.timelineDrawn && this.mapSettled ? 'ready' : 'loading';
  });

  /** What the views had reported before a load began, restored if it is given up. */
  #beforeLoad: { timelineDrawn: boolean; mapSettled: boolean } | null = null;

  /** Starts a (re)load: views will report again once they have drawn the new data. */
  beginLoad(): void {
    this.#beforeLoad = { timelineDrawn: this.timelineDrawn, mapSettled: this.mapSettled };
    this.loading = true;
    this.loadError = null;
    this.timelineDrawn = false;
    this.mapSettled = this.mapState === 'unavailable';
  }

  /** Shows a dataset; `window` restores a shared view, otherwise the whole extent is framed. */
  showDataset(dataset: LoadedDataset, window?: TimeWindow | null): void {
    if (dataset.incidents.length === 0) {
      this.dataset = dataset;
      this.loading = false;
      this.loadError = 'No record in this dataset could be read. The problems are listed below.';
      return;
    }
    this.dataset = dataset;
    const extent = timeExtent(dataset.incidents, Date.now());
    this.window = window ?? (extent ? paddedWindow(extent) : null);
    if (this.selectedId !== null && !dataset.incidents.some((incident) => incident.id === this.selectedId)) {
      this.selectedId = null;
    }
    this.loading = false;
  }

  /** Gives up a load (the user cancelled it): the dataset shown before stays, as it was. */
  cancelLoad(): void {
    if (this.dataset === null) return this.failLoad('Nothing was loaded.');
    this.loading = false;
    if (this.#beforeLoad) Object.assign(this, this.#beforeLoad);
    this.#beforeLoad = null;
  }

  failLoad(message: string): void {
    this.loading = false;
    this.loadError = message;
  }

  setMapState(state: MapState): void {
    this.mapState = state;
    // Idle counts only once the current dataset is on the map; an idle before it arrives does not.
    if (state === 'unavailable' || (state === 'idle' && this.dataset !== null && !this.loading)) this.mapSettled = true;
  }

  /** Frames the filtered incidents (or everything when none passes). */
  fitWindowToFiltered(): void {
    const extent = timeExtent(this.filtered.length > 0 ? this.filtered : this.incidents, Date.now());
    if (extent) this.window = paddedWindow(extent);
  }

  select(id: string | null): void {
    this.selectedId = id;
  }

  addNotice(message: string): void {
    this.notices = [...this.notices, message];
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }
}

export const [getAtlas, setAtlas] = createContext<AtlasState>();
