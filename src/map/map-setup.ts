/**
 * Around a MapLibre map, for create-map.svelte.ts: its style (ours, or a remote basemap with ours
 * over it), its camera as the atlas's view, and a copy of its pixels.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapOptions, StyleSpecification } from 'maplibre-gl';
import type { LngLat, LngLatBounds } from '../lib/bounds.ts';
import { roundView, type MapView } from '../lib/map-view.ts';
import { SOURCES } from './map-ids.ts';

/** The sources the style is made with data in (`buildMapStyle`'s basemap); the others start empty. */
const FILLED_AT_START = new Set<string>([SOURCES.countries, SOURCES.countryLabels, SOURCES.capitals]);

/**
 * Sets the style's GeoJSON sources, skipping an empty source set empty again: it would still
 * reload its tiles and redraw, a long frame without a GPU. `onset` follows each update sent.
 */
export function sourceFeeder(
  map: () => MapLibreMap | null,
  onset: () => void,
): (source: string, data: GeoJSON.GeoJSON) => void {
  const empty = new Set<string>(Object.values(SOURCES).filter((source) => !FILLED_AT_START.has(source)));
  return (source, data) => {
    const none = data.type === 'FeatureCollection' && data.features.length === 0;
    if (none && empty.has(source)) return;
    if (none) empty.add(source);
    else empty.delete(source);
    map()?.getSource<GeoJSONSource>(source)?.setData(data);
    onset();
  };
}

/** Copies the map's WebGL canvas during a render, while its buffer still holds the frame. */
export function captureCanvas(map: MapLibreMap): Promise<HTMLCanvasElement | null> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')?.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

export function viewOf(map: MapLibreMap): MapView {
  const { lng, lat } = map.getCenter();
  return roundView({ zoom: map.getZoom(), lat, lng });
}

export function viewBounds(map: MapLibreMap): LngLatBounds {
  const bounds = map.getBounds();
  return [bounds.getSouthWest().toArray() as LngLat, bounds.getNorthEast().toArray() as LngLat];
}

/**
 * Build-time setting, off by default: a remote basemap style to draw our layers over (README,
 * "A richer basemap"). Never a URL parameter: the page must not fetch from hosts a visitor names.
 */
const REMOTE_STYLE_URL: string = import.meta.env.VITE_MAP_STYLE_URL ?? '';

/**
 * Our offline style, or the remote basemap with our layers over it when one is configured. Ours is
 * checked against the style specification by its unit tests, not at every load (about half of
 * MapLibre's style loading under software WebGL); a remote one is checked.
 */
export function mapStyle(
  ours: StyleSpecification,
  overlayStyle: (remote: StyleSpecification, ours: StyleSpecification) => StyleSpecification,
): Pick<MapOptions, 'style' | 'transformStyle' | 'validateStyle'> {
  if (!REMOTE_STYLE_URL) return { style: ours, validateStyle: false };
  return { style: REMOTE_STYLE_URL, transformStyle: (_previous, remote) => overlayStyle(remote, ours) };
}

/** How long a skipped frame waits for the tiles that were to replace it. */
const TILES_WAIT_MS = 300;

/** The parts of MapLibre's `Map` that `skipRepeatedFrames` reads and resets: private, checked as such. */
interface MapFrameInternals {
  _frameRequest?: AbortController | null;
  _styleDirty?: boolean;
  _sourcesDirty?: boolean;
  _placementDirty?: boolean;
  _repaint?: boolean;
  _fadeDuration?: number;
  _renderTaskQueue?: { _queue?: unknown[] };
  style?: {
    _changed?: boolean;
    pauseablePlacement?: { isDone?: () => boolean };
    placement?: { stale?: boolean };
  };
}

/**
 * MapLibre draws two frames where one would do, three times over: after a paint change (the
 * style's `data` event, fired while the change's frame applies it, asks for another frame), after
 * new tiles with labels (their placement is marked stale as it completes), and after new data in a
 * source (the frame between the data and its tiles draws the old tiles again). Without a GPU each
 * frame is a whole redraw, basemap included (40–70 ms), and it holds up the worker making the new
 * tiles: a filter waited on three. When a frame has drawn everything and the frame it asks for
 * would draw the same picture — no style change, source update, gesture, animation or render task
 * pending, and, for placement, every symbol placed afresh this frame (no fade, the placement done)
 * — the map goes idle instead; and a source's new data waits for its tiles before a frame is drawn.
 * These are MapLibre's private fields (6.x): if one is missing or has another shape, nothing is
 * skipped and MapLibre draws as it always did.
 */
export function skipRepeatedFrames(map: MapLibreMap): void {
  const internals = map as unknown as MapFrameInternals;
  /** A frame would draw something new: a style change, a gesture, an animation or a render task. */
  const changesPending = () =>
    internals._repaint === true ||
    internals._renderTaskQueue?._queue?.length !== 0 ||
    internals.style?._changed !== false ||
    map.isMoving();
  let renders = 0;
  map.on('render', () => {
    renders++;
    const style = internals.style;
    if (internals._sourcesDirty !== false || changesPending()) return;
    // With no fade each frame places every symbol; "stale" says only that this frame's placement
    // saw new buckets, which it placed.
    if (
      internals._placementDirty === true &&
      internals._fadeDuration === 0 &&
      style?.pauseablePlacement?.isDone?.() === true &&
      style?.placement?.stale === true
    )
      internals._placementDirty = false;
    const pending = internals._frameRequest;
    if (internals._styleDirty === true && internals._placementDirty === false && pending instanceof AbortController) {
      pending.abort();
      internals._frameRequest = null;
      internals._styleDirty = false;
    }
  });
  // New data in a source: its tiles are asked for again in the event itself, and the frame the
  // event asks for would draw the old ones once more. The tiles' arrival asks for the frame that
  // shows them (and, should they never come, a frame is asked for after a while).
  map.on('sourcedata', (event) => {
    if (event.sourceDataType !== 'content' || map.isSourceLoaded(event.sourceId)) return;
    const pending = internals._frameRequest;
    if (changesPending() || !(pending instanceof AbortController)) return;
    pending.abort();
    internals._frameRequest = null;
    const rendered = renders;
    setTimeout(() => renders === rendered && map.triggerRepaint(), TILES_WAIT_MS);
  });
}
