// Bare MapLibre with the same points, clustered as the app clusters them, in a canvas the size of
// the app's map at 1280×800: the floor the app's map is compared against. Without `?basemap=1`
// nothing else is drawn; with it, the app's own style and basemap (countries, borders, labels,
// choropleth), so that comparison isolates what the app adds around the map. Bench only; never
// shipped.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontFaces from 'virtual:map-font-faces';
import { EUROPE_AND_CHINA } from '../../src/lib/bounds.ts';
import { choroplethBreaks, choroplethShade, countIncidentsByCountry } from '../../src/lib/country-counts.ts';
import { incidentPoints } from '../../src/lib/geo.ts';
import { capitalPoints } from '../../src/lib/map-labels.ts';
import { parseDataset } from '../../src/lib/parse-incidents.ts';
import { loadCoarseBasemap, type MapBasemap } from '../../src/map/map-basemap.ts';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, SOURCES } from '../../src/map/map-ids.ts';
import { buildMapStyle } from '../../src/map/map-style.ts';
import { LIGHT_MAP } from '../../src/map/map-theme.ts';

const params = new URLSearchParams(location.search);
const withBasemap = params.get('basemap') === '1';
const root = document.getElementById('map')!;
// The app's map canvas at a 1280×800 viewport (measured), so both draw the same number of pixels.
root.style.cssText = 'position:absolute;left:0;top:0;width:986px;height:347px';

/** MapLibre's own clustering, with the app's radius and zoom limit. */
const CLUSTERED = { cluster: true, clusterRadius: CLUSTER_RADIUS_PX, clusterMaxZoom: CLUSTER_MAX_ZOOM };

/** The app's style with its basemap, its incidents clustered by MapLibre (the app clusters them itself). */
function appStyle(basemap: MapBasemap): StyleSpecification {
  const style = buildMapStyle(LIGHT_MAP, fontFaces, { ...basemap, capitals: capitalPoints() });
  return {
    ...style,
    sources: {
      ...style.sources,
      [SOURCES.incidents]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, ...CLUSTERED },
    },
  };
}

function bareStyle(points: GeoJSON.FeatureCollection): StyleSpecification {
  return {
    version: 8,
    sources: {
      incidents: { type: 'geojson', data: points, ...CLUSTERED },
    },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#dfe8ef' } },
      {
        id: 'clusters',
        type: 'circle',
        source: 'incidents',
        filter: ['has', 'point_count'],
        paint: { 'circle-radius': 14, 'circle-color': '#0072b2' },
      },
      {
        id: 'points',
        type: 'circle',
        source: 'incidents',
        filter: ['!', ['has', 'point_count']],
        paint: { 'circle-radius': 5, 'circle-color': '#d55e00' },
      },
    ],
  };
}

async function start() {
  setWorkerUrl(new URL(workerUrl, document.baseURI).href);
  const response = await fetch(params.get('data')!);
  const { incidents } = parseDataset(await response.json(), 'open');
  const points = incidentPoints(incidents);
  const basemap = withBasemap ? await loadCoarseBasemap() : null;
  const map = new Map({
    container: root,
    bounds: EUROPE_AND_CHINA,
    fitBoundsOptions: { padding: 16 },
    fadeDuration: 0,
    style: basemap ? appStyle(basemap) : bareStyle(points),
    // As the app does with its own style (validated by its unit tests).
    validateStyle: !basemap,
  });
  if (basemap) {
    map.once('load', () => {
      const set = (source: string, data: GeoJSON.GeoJSON) => map.getSource<GeoJSONSource>(source)?.setData(data);
      set(SOURCES.incidents, points);
      const counts = countIncidentsByCountry(incidents);
      const breaks = choroplethBreaks(Math.max(0, ...counts.values()));
      for (const [code, count] of counts)
        map.setFeatureState({ source: SOURCES.countries, id: code }, { shade: choroplethShade(count, breaks) });
      map.once('idle', () => {
        root.dataset.status = 'ready';
        root.dataset.mapState = 'idle';
      });
    });
  } else {
    map.once('idle', () => {
      root.dataset.status = 'ready';
      root.dataset.mapState = 'idle';
    });
  }
  // For experiments from a script (which layers cost what): the bench page is never shipped.
  (window as unknown as { benchMap: Map }).benchMap = map;
  map.on('movestart', () => (root.dataset.mapState = 'moving'));
  map.on('idle', () => (root.dataset.mapState = 'idle'));
}
start().catch((error) => {
  root.dataset.status = 'error';
  root.textContent = String(error);
});
