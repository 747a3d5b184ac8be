/**
 * MapLibre wrapped once, as an attachment: the map is created once by its container (MapLibre is
 * loaded lazily), and data, selection and hover arrive through child effects, so the map is never
 * rebuilt when they change. Without WebGL the attachment reports the map unavailable instead.
 */
import type { Attachment } from 'svelte/attachments';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapFromTopology, type Basemap } from '../lib/basemap.ts';
import { EUROPE_AND_CHINA, type IncidentPoints, type LngLatBounds } from '../lib/geo.ts';
import type { MapState } from '../state/atlas-state.svelte.ts';
import { buildMapStyle, idFilter, INCIDENT_LAYERS, type MapTheme } from './map-style.ts';

export interface IncidentMapOptions {
  points: () => IncidentPoints;
  selectedId: () => string | null;
  hoveredId: () => string | null;
  /** Places of the selected incident, to bring into view. */
  selectedBounds: () => LngLatBounds | null;
  theme: () => MapTheme;
  reducedMotion: () => boolean;
  /** Embeds: one-finger pan and plain-wheel zoom are left to the page. */
  cooperative: boolean;
  onstate: (state: MapState, reason?: string) => void;
  onselect: (id: string) => void;
  onhover: (id: string | null) => void;
  /** Receives a function that copies the map's pixels (null when the map goes away). */
  oncapture?: (capture: (() => Promise<HTMLCanvasElement | null>) | null) => void;
}

/** Copies the map's WebGL canvas during a render, while its buffer still holds the frame. */
function captureCanvas(map: MapLibreMap): Promise<HTMLCanvasElement | null> {
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

async function loadBasemap(): Promise<Basemap> {
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`basemap: ${response.status}`);
  return basemapFromTopology(await response.json());
}

function featureId(event: MapLayerMouseEvent): string | null {
  const id = event.features?.[0]?.properties?.id;
  return typeof id === 'string' ? id : null;
}

/** Records what the map actually drew, for tests and assistive summaries: ids of rendered incidents. */
function recordRendered(map: MapLibreMap, container: HTMLElement): void {
  const ids = (layer: string) =>
    [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((feature) => String(feature.properties.id)))].sort();
  container.dataset.renderedIncidents = ids(INCIDENT_LAYERS.points).join(' ');
  container.dataset.renderedSelection = ids(INCIDENT_LAYERS.selected).join(' ');
}

function isInView(map: MapLibreMap, bounds: LngLatBounds): boolean {
  const view = map.getBounds();
  return view.contains(bounds[0]) && view.contains(bounds[1]);
}

export function incidentMap(options: IncidentMapOptions): Attachment<HTMLDivElement> {
  return (container) => {
    let map = $state.raw<MapLibreMap | null>(null);
    let styleReady = $state(false);
    let destroyed = false;

    const start = async () => {
      const [maplibre, basemap] = await Promise.all([import('maplibre-gl'), loadBasemap()]);
      if (destroyed) return;
      maplibre.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
      let created: MapLibreMap;
      try {
        created = new maplibre.Map({
          container,
          style: buildMapStyle(options.theme()),
          bounds: EUROPE_AND_CHINA,
          fitBoundsOptions: { padding: 16 },
          attributionControl: { compact: true, customAttribution: 'Natural Earth' },
          cooperativeGestures: options.cooperative,
          dragRotate: false,
          pitchWithRotate: false,
          renderWorldCopies: false,
          maxZoom: 12,
          fadeDuration: 0,
        });
      } catch (error) {
        const reason =
          error instanceof maplibre.GPUInitializationError || /webgl/i.test(String(error)) ? 'webgl' : String(error);
        options.onstate('unavailable', reason);
        return;
      }
      created.touchZoomRotate.disableRotation();
      created.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
      created.on('error', (event) => console.warn('map:', event.error?.message ?? event));
      created.on('movestart', () => options.onstate('moving'));
      created.on('dataloading', () => options.onstate('moving'));
      created.on('idle', () => {
        recordRendered(created, container);
        options.onstate('idle');
      });
      created.on('webglcontextlost', () => options.onstate('unavailable', 'context-lost'));
      created.on('webglcontextrestored', () => options.onstate('moving'));
      created.on('click', INCIDENT_LAYERS.points, (event) => {
        const id = featureId(event);
        if (id) options.onselect(id);
      });
      created.on('mousemove', INCIDENT_LAYERS.points, (event) => {
        created.getCanvas().style.cursor = 'pointer';
        options.onhover(featureId(event));
      });
      created.on('mouseleave', INCIDENT_LAYERS.points, () => {
        created.getCanvas().style.cursor = '';
        options.onhover(null);
      });
      created.once('load', () => {
        (created.getSource('countries') as GeoJSONSource).setData(basemap.countries);
        (created.getSource('borders') as GeoJSONSource).setData(basemap.borders);
        styleReady = true;
      });
      map = created;
      options.oncapture?.(() => captureCanvas(created));
    };
    start().catch((error: unknown) => {
      if (!destroyed) options.onstate('unavailable', String(error));
    });

    $effect(() => {
      const points = options.points();
      if (!map || !styleReady) return;
      (map.getSource('incidents') as GeoJSONSource).setData(points);
      options.onstate('moving');
    });

    $effect(() => {
      const selected = options.selectedId();
      if (map && styleReady) map.setFilter(INCIDENT_LAYERS.selected, idFilter(selected));
    });

    $effect(() => {
      const hovered = options.hoveredId();
      if (map && styleReady) map.setFilter(INCIDENT_LAYERS.hovered, idFilter(hovered));
    });

    // Bring the selected incident's places into view when they are outside it.
    $effect(() => {
      const bounds = options.selectedBounds();
      if (!map || !styleReady || !bounds || isInView(map, bounds)) return;
      const single = bounds[0][0] === bounds[1][0] && bounds[0][1] === bounds[1][1];
      const duration = options.reducedMotion() ? 0 : 600;
      if (single) map.easeTo({ center: bounds[0], duration });
      else map.fitBounds(bounds, { padding: 48, maxZoom: map.getZoom(), duration });
    });

    return () => {
      destroyed = true;
      options.oncapture?.(null);
      map?.remove();
    };
  };
}
