/**
 * The offline map style: no tile server, no sprite, no glyph server. Sources are GeoJSON filled
 * once the basemap and the incidents are known; labels draw with the bundled Noto fonts through
 * the style's `font-faces`. Pure specs, no MapLibre runtime: the light and dark themes differ only
 * in paint values, so a theme switch is a list of `setPaintProperty` calls (`themePaint`).
 */
import type { FeatureCollection } from 'geojson';
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { TECHNIQUES } from '../lib/vocabulary.ts';
import type { IncidentPointProperties } from '../lib/geo.ts';
import { techniqueColour } from '../lib/palette.ts';
import { LAYERS, SECONDARY, SOURCES } from './map-ids.ts';
import type { MapTheme } from './map-theme.ts';

/** The `text-font` name bound to the bundled files by `font-faces` (scripts/vite-map-fonts.ts). */
export const MAP_FONT = 'Noto Sans Regular';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * Colour by primary technique: the curated ones by name, a user's own by the colour its feature
 * carries (the same as on the timeline), none at all grey.
 */
export function techniqueColourExpression(): ExpressionSpecification {
  const pairs = Object.keys(TECHNIQUES).flatMap((technique) => [technique, techniqueColour(technique)]);
  return [
    'match',
    ['get', 'technique'],
    ...pairs,
    ['coalesce', ['get', 'colour'], techniqueColour(undefined)],
  ] as unknown as ExpressionSpecification;
}

function clusterRadiusExpression(): ExpressionSpecification {
  const [smallest, ...larger] = [...MARK_SIZES.clusterRadii].reverse();
  return ['step', ['get', 'point_count'], smallest[1], ...larger.flat()] as unknown as ExpressionSpecification;
}

/** Features whose role in the focus source is `role` (the selected or the hovered incident). */
export function roleFilter(role: 'selected' | 'hovered'): FilterSpecification {
  return ['==', ['get', 'role'], role];
}

const isCountryLevel: ExpressionSpecification = ['==', ['get', 'countryLevel'], 1];

/**
 * Sizes of the incident marks, in CSS px, shared by the style and the sketch that stands in for
 * it while the timeline moves (map-sketch.ts).
 */
export const MARK_SIZES = {
  /** A cluster's radius, by member count: the first that the count reaches, from the largest. */
  clusterRadii: [
    [1000, 23],
    [100, 19],
    [10, 15],
    [0, 12],
  ] as readonly (readonly [minCount: number, radius: number])[],
  clusterStroke: 2,
  clusterText: 12,
  point: 6,
  secondary: 4.5,
  /** A ring (a place known only to its country) is a pixel larger than a dot, with a thicker outline. */
  ringGrowth: 1,
  ringStroke: 3,
  dotStroke: 1.5,
} as const;

export function clusterRadius(count: number): number {
  return MARK_SIZES.clusterRadii.find(([minCount]) => count >= minCount)?.[1] ?? MARK_SIZES.clusterRadii.at(-1)![1];
}

/** The colour `techniqueColourExpression` gives a point, for drawing it without MapLibre. */
export function pointColour(properties: IncidentPointProperties): string {
  if (Object.hasOwn(TECHNIQUES, properties.technique)) return techniqueColour(properties.technique);
  return properties.colour ?? techniqueColour(undefined);
}

/**
 * A place: a filled dot for a site or city; a ring (hollow, thick outline in the technique's
 * colour) for an incident placed only at country level. `radius` is the dot's.
 */
function placePaint(theme: MapTheme, radius: number) {
  const colour = techniqueColourExpression();
  return {
    'circle-radius': [
      'case',
      isCountryLevel,
      radius + MARK_SIZES.ringGrowth,
      radius,
    ] as DataDrivenPropertyValueSpecification<number>,
    'circle-color': ['case', isCountryLevel, theme.land, colour] as DataDrivenPropertyValueSpecification<string>,
    'circle-stroke-color': [
      'case',
      isCountryLevel,
      colour,
      theme.markStroke,
    ] as DataDrivenPropertyValueSpecification<string>,
    'circle-stroke-width': [
      'case',
      isCountryLevel,
      MARK_SIZES.ringStroke,
      MARK_SIZES.dotStroke,
    ] as DataDrivenPropertyValueSpecification<number>,
  };
}

const textHalo = (theme: MapTheme) => ({
  'text-color': theme.label,
  'text-halo-color': theme.labelHalo,
  'text-halo-width': 1.4,
});

function layers(theme: MapTheme): LayerSpecification[] {
  const [c1, c2, c3, c4] = theme.choropleth;
  return [
    { id: 'water', type: 'background', paint: { 'background-color': theme.water } },
    {
      id: LAYERS.countryFill,
      type: 'fill',
      source: SOURCES.countries,
      paint: {
        // Borders as the fill's own hairline outline rather than a line layer over the basemap:
        // with software WebGL, one layer fewer halves the median map frame while zooming.
        'fill-outline-color': theme.border,
        // The shade of the country's incident count, set as feature state by the map.
        'fill-color': ['match', ['coalesce', ['feature-state', 'shade'], 0], 1, c1, 2, c2, 3, c3, 4, c4, theme.land],
      },
    },
    {
      // Its own small source rather than every country at opacity 0: with software rendering, a
      // line layer over the whole basemap costs a frame in every zoom and pan.
      id: LAYERS.countryOutline,
      type: 'line',
      source: SOURCES.countryHighlight,
      paint: {
        'line-color': theme.countryOutline,
        'line-width': 1.6,
        'line-opacity': ['case', ['==', ['get', 'role'], 'hover'], 1, 0.8],
      },
    },
    {
      id: LAYERS.arcs,
      type: 'line',
      source: SOURCES.arcs,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': theme.arc,
        'line-width': ['interpolate', ['linear'], ['get', 'count'], 1, 1.5, 10, 4, 100, 7],
      },
    },
    {
      id: 'capital-dots',
      type: 'circle',
      source: SOURCES.capitals,
      filter: ['>=', ['zoom'], ['case', ['==', ['get', 'rank'], 1], 2, 4]],
      paint: { 'circle-radius': 2.2, 'circle-color': theme.capital },
    },
    {
      id: LAYERS.capitalLabels,
      type: 'symbol',
      source: SOURCES.capitals,
      filter: ['>=', ['zoom'], ['case', ['==', ['get', 'rank'], 1], 2, 4]],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [MAP_FONT],
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [0.5, 0],
        'text-optional': true,
      },
      paint: textHalo(theme),
    },
    {
      id: LAYERS.countryLabels,
      type: 'symbol',
      source: SOURCES.countryLabels,
      // Filters see the tile's whole zoom: a label with minzoom 2.5 appears from zoom 3.
      filter: ['>=', ['zoom'], ['get', 'minzoom']],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [MAP_FONT],
        'text-size': ['interpolate', ['linear'], ['get', 'minzoom'], 0, 13, 3.5, 10.5],
        'text-max-width': 7,
        'text-letter-spacing': 0.03,
        'symbol-sort-key': ['get', 'sortKey'],
        'text-padding': 4,
      },
      paint: textHalo(theme),
    },
    {
      id: LAYERS.links,
      type: 'line',
      source: SOURCES.incidents,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': theme.link, 'line-width': 1.2, 'line-opacity': 0.7, 'line-dasharray': [2, 2] },
    },
    {
      id: LAYERS.secondary,
      type: 'circle',
      source: SOURCES.incidents,
      filter: ['has', SECONDARY],
      paint: placePaint(theme, MARK_SIZES.secondary),
    },
    {
      id: LAYERS.clusters,
      type: 'circle',
      source: SOURCES.incidents,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': theme.cluster,
        'circle-radius': clusterRadiusExpression(),
        'circle-stroke-color': theme.markStroke,
        'circle-stroke-width': MARK_SIZES.clusterStroke,
      },
    },
    {
      id: LAYERS.clusterCounts,
      type: 'symbol',
      source: SOURCES.incidents,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': [MAP_FONT],
        'text-size': MARK_SIZES.clusterText,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': theme.clusterText },
    },
    {
      id: LAYERS.points,
      type: 'circle',
      source: SOURCES.incidents,
      filter: ['all', ['!', ['has', 'point_count']], ['!', ['has', SECONDARY]], ['==', ['geometry-type'], 'Point']],
      paint: placePaint(theme, MARK_SIZES.point),
    },
    {
      id: 'incident-focus-links',
      type: 'line',
      source: SOURCES.focusLinks,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': theme.emphasis, 'line-width': 2 },
    },
    {
      id: LAYERS.hovered,
      type: 'circle',
      source: SOURCES.focus,
      filter: roleFilter('hovered'),
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': theme.emphasis,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYERS.selected,
      type: 'circle',
      source: SOURCES.focus,
      filter: roleFilter('selected'),
      paint: {
        'circle-radius': 10,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': theme.emphasis,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/** The basemap's data, when known as the map is made: drawn in its first frame, with no round trip. */
export interface InitialBasemap {
  countries: GeoJSON.GeoJSON;
  labels: GeoJSON.GeoJSON;
  capitals: GeoJSON.GeoJSON;
}

export function buildMapStyle(
  theme: MapTheme,
  fontFaces: StyleSpecification['font-faces'],
  basemap?: InitialBasemap,
): StyleSpecification {
  const geojson = (extra: object = {}) => ({ type: 'geojson' as const, data: empty(), ...extra });
  return {
    version: 8,
    // Paint changes (a theme switch, the sketch fading the incident layers) apply at once: a
    // transition is a run of WebGL redraws, each a long frame without a GPU.
    transition: { duration: 0, delay: 0 },
    'font-faces': fontFaces,
    sources: {
      [SOURCES.countries]: geojson({ promoteId: 'code', ...(basemap && { data: basemap.countries }) }),
      [SOURCES.countryHighlight]: geojson(),
      [SOURCES.countryLabels]: geojson(basemap && { data: basemap.labels }),
      [SOURCES.capitals]: geojson(basemap && { data: basemap.capitals }),
      [SOURCES.arcs]: geojson(),
      // Clustered on our side (incident-sources.ts): MapLibre draws the clusters it is given.
      [SOURCES.incidents]: geojson(),
      [SOURCES.focusLinks]: geojson(),
      [SOURCES.focus]: geojson(),
    },
    layers: layers(theme),
  };
}

/** Every paint value of the theme, by layer: what a theme switch sets, without rebuilding the map. */
export function themePaint(theme: MapTheme): [layer: string, property: string, value: unknown][] {
  return layers(theme).flatMap((layer) =>
    Object.entries(layer.paint ?? {}).map(([property, value]): [string, string, unknown] => [
      layer.id,
      property,
      value,
    ]),
  );
}

/** Our layers that draw a basemap of their own, left out when drawing over a remote style. */
const OWN_BASEMAP_LAYERS = new Set(['water', 'capital-dots', LAYERS.capitalLabels, LAYERS.countryLabels]);

/**
 * Our sources and layers over someone else's basemap style (the build-time `VITE_MAP_STYLE_URL`
 * setting): its land, water and labels replace ours; the choropleth stays, semi-transparent, and
 * countries without incidents are left clear so the basemap shows through.
 */
/** The remote basemap draws its own borders. */
function withoutOutline(paint: FillLayerSpecification['paint']): FillLayerSpecification['paint'] {
  const { 'fill-outline-color': _outline, ...rest } = paint ?? {};
  return rest;
}

export function overlayStyle(remote: StyleSpecification, ours: StyleSpecification): StyleSpecification {
  const shaded: ExpressionSpecification = ['>', ['coalesce', ['feature-state', 'shade'], 0], 0];
  const layers = ours.layers
    .filter((layer) => !OWN_BASEMAP_LAYERS.has(layer.id))
    .map((layer): LayerSpecification =>
      layer.id === LAYERS.countryFill && layer.type === 'fill'
        ? { ...layer, paint: { ...withoutOutline(layer.paint), 'fill-opacity': ['case', shaded, 0.55, 0] } }
        : layer,
    );
  return {
    ...remote,
    transition: ours.transition,
    'font-faces': { ...remote['font-faces'], ...ours['font-faces'] },
    sources: { ...remote.sources, ...ours.sources },
    layers: [...remote.layers, ...layers],
  };
}
