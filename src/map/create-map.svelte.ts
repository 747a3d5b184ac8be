/**
 * MapLibre wrapped once, as an attachment: the map is created once by its container (MapLibre is
 * loaded lazily, as its own chunk), and data, selection, hover, theme and camera arrive through
 * child effects, so the map is never rebuilt when they change. Without WebGL the attachment
 * reports the map unavailable instead; a lost WebGL context is reported and recovered from.
 */
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import fontFaces from 'virtual:map-font-faces';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  containsBounds,
  EUROPE_AND_CHINA,
  isPointBounds,
  placesBounds,
  type LngLat,
  type LngLatBounds,
} from '../lib/bounds.ts';
import { sameView, type MapView } from '../lib/map-view.ts';
import type { LoadedIncident } from '../lib/parse-incidents.ts';
import type { MapState } from '../state/atlas-state.svelte.ts';
import type { MapBasemap } from './map-basemap.ts';
import { CountryShades } from './country-shades.ts';
import { IncidentSources, type MapIncidents } from './incident-sources.ts';
import { captureCanvas, mapStyle, skipRepeatedFrames, sourceFeeder, viewBounds, viewOf } from './map-setup.ts';
import { SOURCES } from './map-ids.ts';
import type { IncidentStack, PointerTarget } from './map-pointer.ts';
import type { Rendered } from './map-rendered.ts';
import type { SketchedMark } from './map-sketch.ts';
import type { MapTheme } from './map-theme.ts';

/** Framing padding in CSS px, and how close "fit to filtered" may zoom onto a single place. */
const FIT_PADDING_PX = 40;
const FIT_MAX_ZOOM = 7;

export interface MapController {
  /** Frames the bounds (a single place is centred at a readable zoom). */
  fitTo: (bounds: LngLatBounds) => void;
  /** Back to the first view: Europe and China together. */
  reset: () => void;
  /** Where a country's label point is on screen (CSS px in the container), or null. */
  countryPoint: (code: string) => { x: number; y: number } | null;
}

export type { MapIncidents };

export interface IncidentMapOptions {
  incidents: () => MapIncidents;
  selected: () => LoadedIncident | null;
  hovered: () => LoadedIncident | null;
  /** Choropleth shade (1…4, 4 darkest) by country; absent countries are plain land. */
  countryShades: () => ReadonlyMap<string, number>;
  /** Countries in the country filter, outlined. */
  filteredCountries: () => readonly string[];
  /** A country to outline as hovered, from outside the map (the country list's focus). */
  highlightedCountry: () => string | null;
  showArcs: () => boolean;
  /** The timeline is moving and the map follows it: incident marks are sketched (map-sketch.ts), the rest held. */
  sketching: () => boolean;
  /** The camera wanted by the rest of the app (URL): the map jumps there when it differs. */
  view: () => MapView | null;
  theme: () => MapTheme;
  reducedMotion: () => boolean;
  /** Embeds: one-finger pan and plain-wheel zoom are left to the page. */
  cooperative: boolean;
  /** The canvas's name as a landmark (MapLibre makes it a region named "Map"). */
  title: () => string;
  onstate: (state: MapState, reason?: string) => void;
  onselect: (id: string) => void;
  /** Incidents drawn at one spot were clicked: they are to be listed (null: the list is stale). */
  onstack: (stack: IncidentStack | null) => void;
  onhover: (id: string | null) => void;
  oncountry: (code: string) => void;
  onpointer: (target: PointerTarget | null) => void;
  onview: (view: MapView) => void;
  oncontroller: (controller: MapController | null) => void;
  /** Receives a function that copies the map's pixels (null when the map goes away). */
  oncapture?: (capture: (() => Promise<HTMLCanvasElement | null>) | null) => void;
}

/** Test hooks on the container, like the timeline's `markRect` (CONTRACTS §5). */
type MapContainer = HTMLDivElement & {
  /**
   * What the map draws, read when asked (null before its first idle with the atlas's incidents).
   * Tests ask once `data-map-state` is idle; reading at every idle cost 15–35 ms of the main
   * thread for nobody.
   */
  rendered?: () => Rendered | null;
  /** Where a longitude–latitude is on screen, CSS px relative to the container. */
  project?: (lngLat: LngLat) => { x: number; y: number };
  /** The marks sketched over the map while the timeline moves (map-sketch.ts). */
  sketched?: () => readonly SketchedMark[];
};

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export function incidentMap(options: IncidentMapOptions): Attachment<HTMLDivElement> {
  return (node) => {
    const container = node as MapContainer;
    let map = $state.raw<MapLibreMap | null>(null);
    /** The data builders, loaded with MapLibre; set before `map`, so effects that see a map have them. */
    let data: typeof import('./map-data.ts');
    /** True while the style can take data; false again between a lost and a restored context. */
    let styleReady = $state(false);
    let basemap = $state.raw<MapBasemap | null>(null);
    /** The basemap whose data the map holds. */
    let basemapSent: MapBasemap | null = null;
    let pointerCountry = $state<string | null>(null);
    /** Idles that showed the atlas's incidents, and what was read after the last one. */
    let idles = 0;
    let rendered: { idle: number; read: Rendered } | null = null;
    /** The incident sources, fed by the effect below once the map exists. */
    let sources: IncidentSources | null = null;
    let shades: CountryShades | null = null;
    let destroyed = false;
    const unlisten: (() => void)[] = [];

    const setData = sourceFeeder(
      () => map,
      () => options.onstate('moving'),
    );

    const whenStyleLoaded = (created: MapLibreMap) => {
      if (created.isStyleLoaded()) styleReady = true;
      else created.once('style.load', () => (styleReady = true));
    };

    let fineRequested = false;
    const upgradeBasemap = (created: MapLibreMap) => {
      if (!basemap || fineRequested || created.getZoom() < data.FINE_BASEMAP_ZOOM) return;
      fineRequested = true;
      data
        .loadFineBasemap()
        .then((fine) => {
          if (!destroyed) basemap = fine;
        })
        .catch((error: unknown) => console.warn('map: the detailed countries could not be loaded', error));
    };

    const controller = (created: MapLibreMap): MapController => ({
      fitTo: (bounds) => {
        const duration = options.reducedMotion() ? 0 : 600;
        if (isPointBounds(bounds))
          created.easeTo({ center: bounds[0], zoom: Math.max(created.getZoom(), 5), duration });
        else created.fitBounds(bounds, { padding: FIT_PADDING_PX, maxZoom: FIT_MAX_ZOOM, duration });
      },
      reset: () => created.fitBounds(EUROPE_AND_CHINA, { padding: 16, duration: options.reducedMotion() ? 0 : 600 }),
      countryPoint: (code) => {
        const anchor = basemap?.anchors.get(code);
        if (!anchor) return null;
        const point = created.project(anchor);
        return { x: point.x, y: point.y };
      },
    });

    const start = async () => {
      const loadingMaplibre = import('maplibre-gl');
      data = await import('./map-data.ts');
      const [maplibre, coarse] = await Promise.all([loadingMaplibre, data.loadCoarseBasemap()]);
      if (destroyed) return;
      basemapSent = coarse;
      maplibre.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
      const initial = untrack(options.view);
      let created: MapLibreMap;
      try {
        created = new maplibre.Map({
          container,
          ...mapStyle(
            data.buildMapStyle(untrack(options.theme), fontFaces, { ...coarse, capitals: data.capitalPoints() }),
            data.overlayStyle,
          ),
          ...(initial
            ? { center: [initial.lng, initial.lat] as LngLat, zoom: initial.zoom }
            : { bounds: EUROPE_AND_CHINA, fitBoundsOptions: { padding: 16 } }),
          attributionControl: { compact: true, customAttribution: 'Natural Earth · Noto fonts (OFL)' },
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
      skipRepeatedFrames(created);
      created.touchZoomRotate.disableRotation();
      created.keyboard.disableRotation();
      created.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
      created.on('error', (event) => console.warn('map:', event.error?.message ?? event));
      created.on('movestart', () => options.onstate('moving'));
      created.on('dataloading', () => options.onstate('moving'));
      created.on('moveend', () => {
        const view = viewOf(created);
        if (!sameView(view, untrack(options.view))) options.onview(view);
        upgradeBasemap(created);
      });
      created.on('idle', () => {
        // Incidents waiting to be sent, or a new dataset not handed over yet: not what it should show.
        if (!styleReady || !sources?.shows(untrack(options.incidents)) || shades?.pending) return;
        idles++;
        options.onstate('idle');
      });
      created.on('webglcontextlost', () => {
        styleReady = false;
        basemapSent = null;
        sources?.forget();
        options.onstate('unavailable', 'context-lost');
      });
      created.on('webglcontextrestored', () => {
        options.onstate('moving');
        whenStyleLoaded(created);
      });
      unlisten.push(
        data.listenToPointer(created, {
          onselect: options.onselect,
          onstack: options.onstack,
          oncountry: options.oncountry,
          reducedMotion: options.reducedMotion,
          onpointer: (target) => {
            pointerCountry = target?.kind === 'country' ? target.code : null;
            options.onhover(target?.kind === 'incident' ? target.id : null);
            options.onpointer(target);
          },
        }),
      );
      // The incidents go to the map as soon as its style can take them, not at 'load' (after the
      // basemap's first complete frame, its labels' fonts included): their tiles then load with
      // the basemap's, and the first complete frame has them (10k ready ≈ 0.2 s sooner).
      basemap = coarse;
      whenStyleLoaded(created);
      created.once('load', () => {
        upgradeBasemap(created);
        // The first camera becomes the atlas's view, so what is shared or embedded names it.
        if (!untrack(options.view)) options.onview(viewOf(created));
      });
      container.rendered = () => {
        if (idles === 0) return null;
        if (rendered?.idle !== idles)
          rendered = { idle: idles, read: data.readRendered(created, () => sources?.clusterMembers() ?? []) };
        return rendered.read;
      };
      container.project = (lngLat) => {
        const { x, y } = created.project(lngLat);
        return { x, y };
      };
      sources = new IncidentSources(created, data, () => untrack(options.theme));
      const incidentSources = sources;
      shades = new CountryShades(created, (callback) => incidentSources.afterMarks(callback));
      container.sketched = () => sources?.sketched() ?? [];
      map = created;
      options.oncontroller(controller(created));
      options.oncapture?.(() => captureCanvas(created));
    };
    start().catch((error: unknown) => {
      if (!destroyed) options.onstate('unavailable', String(error));
    });

    // The basemap: countries and labels (the coarse ones come with the style; again after a
    // restored context).
    $effect(() => {
      if (!map || !styleReady || !basemap || basemap === basemapSent) return;
      setData(SOURCES.countries, basemap.countries);
      setData(SOURCES.countryLabels, basemap.labels);
      setData(SOURCES.capitals, data.capitalPoints());
      basemapSent = basemap;
    });

    $effect(() => {
      const incidents = options.incidents();
      if (!map || !styleReady || !sources) return;
      options.onstate('moving');
      sources.show(incidents);
    });

    $effect(() => {
      const title = options.title();
      map?.getCanvas().setAttribute('aria-label', title);
    });

    $effect(() => {
      const sketching = options.sketching();
      if (map && styleReady && sources) sources.sketch(sketching);
    });

    // Arcs and shades wait for the timeline to stop: each change would be a WebGL redraw.
    $effect(() => {
      if (options.sketching()) return;
      const arcs =
        options.showArcs() && basemap ? data.actorTargetArcs(options.incidents().list, basemap.anchors) : EMPTY;
      if (map && styleReady) setData(SOURCES.arcs, arcs);
    });

    // The selected and hovered incidents, every place of each, drawn above the clusters.
    $effect(() => {
      const selected = options.selected();
      const hovered = options.hovered();
      if (!map || !styleReady) return;
      const focus = [
        ...(hovered && hovered !== selected ? [{ incident: hovered, role: 'hovered' }] : []),
        ...(selected ? [{ incident: selected, role: 'selected' }] : []),
      ];
      setData(SOURCES.focus, {
        type: 'FeatureCollection',
        features: focus.flatMap(({ incident, role }) =>
          data.allPlaces([incident]).features.map((feature) => ({
            ...feature,
            properties: { ...feature.properties, role },
          })),
        ),
      });
      setData(SOURCES.focusLinks, data.placeLinks(focus.map(({ incident }) => incident)));
    });

    // The choropleth shades, as feature state (country-shades.ts).
    $effect(() => {
      const values = options.countryShades();
      const { dataset } = options.incidents();
      if (!map || !styleReady || !basemap) {
        shades?.forget();
        return;
      }
      options.onstate('moving');
      shades?.set(values, dataset, options.sketching());
    });

    // The outlines of the filtered countries and of the hovered one, the only countries in their source.
    let highlighted = '';
    $effect(() => {
      const hovered = pointerCountry ?? options.highlightedCountry();
      const filtered = new Set(options.filteredCountries());
      if (!map || !styleReady || !basemap) {
        highlighted = '';
        return;
      }
      const key = `${basemap.fine}|${hovered ?? ''}|${[...filtered].sort().join(',')}`;
      if (key === highlighted) return;
      highlighted = key;
      setData(SOURCES.countryHighlight, {
        type: 'FeatureCollection',
        features: basemap.countries.features.flatMap((country) => {
          const { code } = country.properties;
          if (code !== hovered && !filtered.has(code)) return [];
          return [{ ...country, properties: { code, role: code === hovered ? 'hover' : 'filtered' } }];
        }),
      });
    });

    // Light and dark: repaint the same layers, no rebuild.
    $effect(() => {
      const theme = options.theme();
      if (!map || !styleReady) return;
      const paint = data.themePaint(theme);
      type Paint = Parameters<MapLibreMap['setPaintProperty']>;
      for (const [layer, property, value] of paint) {
        // Over a remote basemap some of our layers are left out.
        if (!map.getLayer(layer)) continue;
        // The incident layers may be faded out behind the sketch: their sources keep the value for later.
        if (sources) sources.setThemePaint(layer, property as Paint[1], value as Paint[2]);
        else map.setPaintProperty(layer, property as Paint[1], value as Paint[2]);
      }
    });

    // The camera follows the app (URL) when it asks for a view the map is not showing.
    $effect(() => {
      const view = options.view();
      if (!map || !view || sameView(view, viewOf(map))) return;
      map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    });

    // Bring the selected incident's places into view when they are outside it.
    $effect(() => {
      const selected = options.selected();
      if (!map || !styleReady || !selected) return;
      // Selecting opens the details beside the map, which narrows it: measure it now, not later.
      map.resize();
      const bounds = placesBounds([selected]);
      if (!bounds || containsBounds(viewBounds(map), bounds)) return;
      const duration = untrack(options.reducedMotion) ? 0 : 700;
      if (isPointBounds(bounds)) map.easeTo({ center: bounds[0], duration });
      else map.fitBounds(bounds, { padding: 48, maxZoom: map.getZoom(), duration });
    });

    return () => {
      destroyed = true;
      sources?.destroy();
      shades?.destroy();
      for (const stop of unlisten) stop();
      options.oncapture?.(null);
      options.oncontroller(null);
      map?.remove();
    };
  };
}
