/**
 * What the basemap writes: country and capital labels, as points with their text. Latin names
 * for every place; where the local script is Chinese the Chinese name is drawn too ("China 中国",
 * "Beijing 北京"), so both readerships find their way. The font files for those characters are
 * chosen at build time from `chineseLabelText()` (scripts/vite-map-fonts.ts).
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { geoArea } from 'd3-geo';
import polylabel from 'polylabel';
import type { CountryFeatures } from './basemap.ts';
import { CAPITALS, type Capital } from './capitals.ts';
import { countryName, countryNameZh } from './countries.ts';

/** Countries and territories whose labels carry the Chinese name as well. */
export const CHINESE_NAMED = ['CN', 'TW', 'HK', 'MO'] as const;

/**
 * Chinese names where i18n-iso-countries' `zh` one takes a side the atlas should not take
 * ("中国台湾省" for Taiwan): the plain name instead.
 */
const ZH_OVERRIDES: Record<string, string> = { TW: '台湾' };

export function chineseCountryName(code: string): string | undefined {
  if (!(CHINESE_NAMED as readonly string[]).includes(code)) return undefined;
  return ZH_OVERRIDES[code] ?? countryNameZh(code);
}

/** "China\n中国" for China (two lines), "France" for France. */
export function countryLabelText(code: string, fallbackName = code): string {
  const latin = code ? countryName(code) : fallbackName;
  const chinese = chineseCountryName(code);
  return chinese ? `${latin}\n${chinese}` : latin;
}

/** "Beijing 北京", "Paris". */
export function capitalLabelText(capital: Capital): string {
  return capital.nameZh ? `${capital.name} ${capital.nameZh}` : capital.name;
}

/** Every Chinese string the basemap may draw: what the build picks font subsets for. */
export function chineseLabelText(): string {
  const countries = CHINESE_NAMED.map((code) => chineseCountryName(code) ?? '');
  const capitals = CAPITALS.map((capital) => capital.nameZh ?? '');
  return [...countries, ...capitals].join('');
}

export interface CountryLabelProperties {
  code: string;
  label: string;
  /** Zoom from which the label is drawn: big countries first, small ones as the map zooms in. */
  minzoom: number;
  /** Larger areas win label collisions (MapLibre draws lower sort keys first). */
  sortKey: number;
}

export type CountryLabels = FeatureCollection<Point, CountryLabelProperties>;

const EARTH_RADIUS_KM = 6371;

/** Area of a polygon in km² (d3-geo's spherical area; robust to either ring winding). */
function areaKm2(polygon: Polygon): number {
  let steradians = geoArea(polygon);
  if (steradians > 2 * Math.PI) steradians = 4 * Math.PI - steradians;
  return steradians * EARTH_RADIUS_KM ** 2;
}

/** The labelled part of a country: its largest polygon (mainland France, not French Guiana). */
function largestPolygon(geometry: Polygon | MultiPolygon): { polygon: Polygon; areaKm2: number } {
  const parts: Polygon[] =
    geometry.type === 'Polygon'
      ? [geometry]
      : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  let best = { polygon: parts[0], areaKm2: -1 };
  for (const polygon of parts) {
    const area = areaKm2(polygon);
    if (area > best.areaKm2) best = { polygon, areaKm2: area };
  }
  return best;
}

/** Web Mercator's y in degrees, so the label sits in the middle of the shape as the map shows it. */
const toMercator = ([lng, lat]: Position): Position => [
  lng,
  (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI,
];
const fromMercator = ([x, y]: Position): [number, number] => [
  x,
  (Math.atan(Math.exp((y * Math.PI) / 180)) * 360) / Math.PI - 90,
];

/** A point well inside the polygon (its pole of inaccessibility on the Mercator map). */
export function labelPoint(polygon: Polygon): [number, number] {
  const rings = polygon.coordinates.map((ring) => ring.map(toMercator));
  return fromMercator(polylabel(rings, 0.05));
}

/** The zoom from which a country of this area is labelled. */
export function labelMinzoom(km2: number): number {
  if (km2 >= 1_000_000) return 0;
  if (km2 >= 200_000) return 1.5;
  if (km2 >= 30_000) return 2.5;
  return 3.5;
}

/** One label point per named country, inside its largest part. */
export function countryLabels(countries: CountryFeatures): CountryLabels {
  const features: Feature<Point, CountryLabelProperties>[] = [];
  for (const country of countries.features) {
    const { code, name } = country.properties;
    const { polygon, areaKm2: km2 } = largestPolygon(country.geometry);
    if (!polygon) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(polygon) },
      properties: {
        code,
        label: countryLabelText(code, name),
        minzoom: labelMinzoom(km2),
        sortKey: -Math.round(km2 / 1000),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Where each country is, for arcs: its label point. */
export function countryAnchors(labels: CountryLabels): Map<string, [number, number]> {
  const anchors = new Map<string, [number, number]>();
  for (const { geometry, properties } of labels.features) {
    if (properties.code) anchors.set(properties.code, geometry.coordinates as [number, number]);
  }
  return anchors;
}

/**
 * Labels for a finer basemap: the coarse labels kept where they exist (so nothing jumps when
 * the 50m countries arrive), plus labels for countries only the finer one has (Luxembourg, Malta).
 */
export function mergeCountryLabels(coarse: CountryLabels, fine: CountryLabels): CountryLabels {
  const known = new Set(coarse.features.map((feature) => feature.properties.code || feature.properties.label));
  const added = fine.features.filter((feature) => !known.has(feature.properties.code || feature.properties.label));
  return { type: 'FeatureCollection', features: [...coarse.features, ...added] };
}

export interface CapitalProperties {
  country: string;
  label: string;
  rank: number;
}

export function capitalPoints(capitals: readonly Capital[] = CAPITALS): FeatureCollection<Point, CapitalProperties> {
  return {
    type: 'FeatureCollection',
    features: capitals.map((capital) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: capital.lngLat },
      properties: { country: capital.country, label: capitalLabelText(capital), rank: capital.rank },
    })),
  };
}
