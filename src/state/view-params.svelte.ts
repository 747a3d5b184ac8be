/**
 * Between an atlas and the parameters of CONTRACTS §4 — the same for the app's address, the iframe
 * embed's address and the web component's attributes: apply a parsed link to the state, and read
 * the state back as a link. Nothing here touches `location` or `history` (see url-sync.svelte.ts).
 */
import { untrack } from 'svelte';
import type { Filters, TimeWindow } from '../lib/filter.ts';
import { describeDroppedValues, keepKnownFilterValues } from '../lib/known-filters.ts';
import { paddedWindow } from '../lib/time-scale.ts';
import {
  describeMissingId,
  describeUrlErrors,
  formatLoadQuery,
  type UrlError,
  type UrlState,
} from '../lib/url-state.ts';
import { formatMapView, isUrlWindow, roundMapView, roundWindowToDays } from '../lib/url-values.ts';
import type { AtlasState, LaneMode, MapView, ThemeChoice } from './atlas-state.svelte.ts';
import { loadIntoAtlas, type LoadOptions } from './load-dataset.ts';

/** What an atlas shows when a link says nothing: parameters equal to these are left out of links. */
export interface ViewDefaults {
  lanes: LaneMode;
  theme: ThemeChoice;
  /** The camera the map settled on by itself, once known. */
  map: MapView | null;
}

/** Parts of a view that can be applied on their own (a web component attribute changes one at a time). */
export type ViewPart = 'filters' | 'window' | 'map' | 'lanes' | 'theme' | 'id';
export const ALL_VIEW_PARTS: readonly ViewPart[] = ['filters', 'window', 'map', 'lanes', 'theme', 'id'];

/** The dataset parameters, which choose what is loaded rather than how it is shown. */
export type DatasetParams = Pick<UrlState, 'data' | 'format' | 'cols'>;

/** Reads the defaults off an atlas that nothing has been applied to yet. */
export function viewDefaults(atlas: AtlasState): ViewDefaults {
  return { lanes: atlas.lanes, theme: atlas.theme, map: null };
}

export function reportUrlErrors(atlas: AtlasState, errors: readonly UrlError[]): void {
  for (const notice of describeUrlErrors(errors)) atlas.addNotice(notice);
}

/** The window a dataset opens on: its whole extent, padded. */
function openingWindow(atlas: AtlasState): TimeWindow | null {
  return atlas.extent ? paddedWindow(atlas.extent) : null;
}

const sameMapView = (a: MapView | null, b: MapView | null) =>
  a === b || (a !== null && b !== null && formatMapView(a) === formatMapView(b));
const sameFilters = (a: Filters, b: Filters) => JSON.stringify(a) === JSON.stringify(b);

/** Sets filters, dropping (with a notice) values the loaded dataset does not have. */
function setFilters(atlas: AtlasState, filters: Filters): void {
  let next = filters;
  if (atlas.dataset && !atlas.loading) {
    const checked = keepKnownFilterValues(filters, atlas.incidents);
    if (checked.dropped.length > 0) atlas.addNotice(describeDroppedValues(checked.dropped));
    next = checked.filters;
  }
  if (!sameFilters(next, atlas.filters)) atlas.filters = next;
}

/** Sets the window a link asks for; one end alone keeps the other from the opening window. */
export function applyLinkedWindow(atlas: AtlasState, link: Pick<UrlState, 'fromMs' | 'toMs'>): void {
  const opening = openingWindow(atlas);
  if (!opening) return;
  let next = opening;
  if (link.fromMs !== null || link.toMs !== null) {
    const asked = { fromMs: link.fromMs ?? opening.fromMs, toMs: link.toMs ?? opening.toMs };
    if (asked.fromMs < asked.toMs) next = asked;
    else atlas.addNotice("The link's time window ends before it starts; the whole period is shown instead.");
  }
  const current = atlas.window;
  if (!current || current.fromMs !== next.fromMs || current.toMs !== next.toMs) atlas.window = next;
}

function applySelection(atlas: AtlasState, id: string | null): void {
  if (id !== null && !atlas.byId.has(id)) {
    atlas.addNotice(describeMissingId(id));
    id = null;
  }
  if (atlas.selectedId !== id) atlas.select(id);
}

/**
 * Applies a link to an atlas. Filters, window and selection need a dataset (filter values are
 * checked against it, so that nothing unknown ever reaches the views): before one has loaded they
 * are left to `loadLink`.
 */
export function applyUrlView(
  atlas: AtlasState,
  link: UrlState,
  defaults: ViewDefaults,
  parts: readonly ViewPart[] = ALL_VIEW_PARTS,
): void {
  const loaded = atlas.dataset !== null && !atlas.loading;
  for (const part of parts) {
    if (part === 'theme') atlas.theme = link.theme ?? defaults.theme;
    else if (part === 'lanes') atlas.lanes = link.lanes ?? defaults.lanes;
    else if (part === 'filters' && loaded) setFilters(atlas, link.filters);
    else if (part === 'map') {
      const view = link.map ?? defaults.map;
      if (!sameMapView(view, atlas.mapView)) atlas.mapView = view;
    } else if (part === 'window' && loaded) applyLinkedWindow(atlas, link);
    else if (part === 'id' && loaded) applySelection(atlas, link.id);
  }
}

/**
 * Loads what a link asks for: `loadIntoAtlas` reads the dataset parameters and `id` from an
 * address (`pageUrl` with the link's query: relative `data` resolves against it, and must share its
 * origin); then the link's filters (checked against the data) and time window are applied. `link`
 * is read again once the data is in, so a change made while loading (an attribute) is not lost.
 */
export async function loadLink(atlas: AtlasState, link: () => UrlState, options: LoadOptions): Promise<void> {
  const address = new URL(options.pageUrl);
  address.search = formatLoadQuery(link());
  address.hash = '';
  await loadIntoAtlas(atlas, { ...options, pageUrl: address.href });
  if (atlas.dataset === null || atlas.loading || atlas.loadError !== null) return;
  const current = link();
  setFilters(atlas, current.filters);
  applyLinkedWindow(atlas, current);
}

/** The link that shows what an atlas shows now; settings equal to the defaults are left out. */
export function urlStateOf(atlas: AtlasState, dataset: DatasetParams, defaults: ViewDefaults): UrlState {
  const opening = openingWindow(atlas);
  const shown = atlas.window ? roundWindowToDays(atlas.window) : null;
  const openingDays = opening ? roundWindowToDays(opening) : null;
  const writeWindow =
    shown !== null &&
    isUrlWindow(shown.fromMs, shown.toMs) &&
    !(openingDays && openingDays.fromMs === shown.fromMs && openingDays.toMs === shown.toMs);
  return {
    ...dataset,
    filters: atlas.filters,
    fromMs: writeWindow ? shown.fromMs : null,
    toMs: writeWindow ? shown.toMs : null,
    map: atlas.mapView && !sameMapView(atlas.mapView, defaults.map) ? roundMapView(atlas.mapView) : null,
    lanes: atlas.lanes === defaults.lanes ? null : atlas.lanes,
    id: atlas.selectedId,
    theme: atlas.theme === defaults.theme ? null : atlas.theme,
  };
}

/**
 * Keeps filters honest when a dataset arrives: values it does not have are dropped with a notice.
 * Also records the map's own camera as the default once the atlas is first ready. Call during
 * component initialisation.
 */
export function watchDataset(atlas: AtlasState, defaults: ViewDefaults, linkHasMap: boolean): void {
  $effect(() => {
    if (!atlas.dataset || atlas.loading) return;
    untrack(() => setFilters(atlas, atlas.filters));
  });
  let ready = false;
  $effect(() => {
    if (ready || atlas.status !== 'ready') return;
    ready = true;
    if (!linkHasMap) defaults.map = untrack(() => atlas.mapView);
  });
}
