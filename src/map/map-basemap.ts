/**
 * The basemap's data: Natural Earth countries from world-atlas, served from our origin. The 110m
 * countries draw the first view; the 50m ones (about six times larger) are fetched only once the
 * map is zoomed in past `FINE_BASEMAP_ZOOM`, and then replace them.
 */
import coarseUrl from 'world-atlas/countries-110m.json?url';
import fineUrl from 'world-atlas/countries-50m.json?url';
import { basemapFromTopology, countriesForFlatMap, type Basemap } from '../lib/basemap.ts';
import coarseLabels from 'virtual:country-labels/coarse';
import { countryAnchors, type CountryLabels } from '../lib/map-labels.ts';

/** From this zoom the 110m coastlines look coarse and small countries (Luxembourg, Malta) are missing. */
export const FINE_BASEMAP_ZOOM = 3;

export interface MapBasemap extends Basemap {
  labels: CountryLabels;
  /** A point inside each country (its label point), where arcs start and end. */
  anchors: Map<string, [number, number]>;
  fine: boolean;
}

async function fetchBasemap(url: string): Promise<Basemap> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`basemap: ${response.status} for ${url}`);
  return { countries: countriesForFlatMap(basemapFromTopology(await response.json()).countries) };
}

/** The 110m countries; their labels were placed at build time (scripts/vite-country-labels.ts). */
export async function loadCoarseBasemap(): Promise<MapBasemap> {
  const basemap = await fetchBasemap(coarseUrl);
  return { ...basemap, labels: coarseLabels, anchors: countryAnchors(coarseLabels), fine: false };
}

/** The 50m countries, keeping the coarse labels (and arc anchors) so nothing jumps. */
export async function loadFineBasemap(): Promise<MapBasemap> {
  const [basemap, { default: labels }] = await Promise.all([
    fetchBasemap(fineUrl),
    import('virtual:country-labels/fine'),
  ]);
  return { ...basemap, labels, anchors: countryAnchors(labels), fine: true };
}
