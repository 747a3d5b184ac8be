// Bare MapLibre with the same points, clustered, no basemap: the floor the app's map is compared
// against. Bench only; never shipped.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { parseDataset } from '../../src/lib/parse-incidents.ts';
import { EUROPE_AND_CHINA } from '../../src/lib/bounds.ts';
import { incidentPoints } from '../../src/lib/geo.ts';

const params = new URLSearchParams(location.search);
const root = document.getElementById('map')!;
root.style.cssText = 'position:absolute;inset:0';

async function start() {
  setWorkerUrl(new URL(workerUrl, document.baseURI).href);
  const response = await fetch(params.get('data')!);
  const { incidents } = parseDataset(await response.json(), 'open');
  const map = new Map({
    container: root,
    bounds: EUROPE_AND_CHINA,
    style: {
      version: 8,
      sources: {
        incidents: { type: 'geojson', data: incidentPoints(incidents), cluster: true, clusterRadius: 50 },
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
    },
  });
  map.once('idle', () => {
    root.dataset.status = 'ready';
    root.dataset.mapState = 'idle';
  });
  map.on('movestart', () => (root.dataset.mapState = 'moving'));
  map.on('idle', () => (root.dataset.mapState = 'idle'));
}
start().catch((error) => {
  root.dataset.status = 'error';
  root.textContent = String(error);
});
