/**
 * The basemap's data: Natural Earth countries from world-atlas, served from our origin. The 110m
 * countries draw the first view; the 50m ones (about six times larger) are fetched only once the
 * map is zoomed in past `FINE_BASEMAP_ZOOM`, and then replace them.
 */
import coarseUrl from 'world-atlas/countries-110m.json?url';
import fineUrl from 'world-atlas/countries-50m.json?url';
import { basemapFromTopology, type Basemap } from '../lib/basemap.ts';
import { countryAnchors, countryLabels, mergeCountryLabels, type CountryLabels } from '../lib/map-labels.ts';

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
  return basemapFromTopology(await response.json());
}

export async function loadCoarseBasemap(): Promise<MapBasemap> {
  const basemap = await fetchBasemap(coarseUrl);
  const labels = countryLabels(basemap.countries);
  return { ...basemap, labels, anchors: countryAnchors(labels), fine: false };
}

/** The 50m countries, keeping the coarse labels (and arc anchors) so nothing jumps. */
export async function loadFineBasemap(coarse: MapBasemap): Promise<MapBasemap> {
  const basemap = await fetchBasemap(fineUrl);
  const labels = mergeCountryLabels(coarse.labels, countryLabels(basemap.countries));
  return { ...basemap, labels, anchors: countryAnchors(labels), fine: true };
}
