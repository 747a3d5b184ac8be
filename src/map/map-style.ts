/**
 * The offline map style: no tile server, no sprite, no glyphs from elsewhere. Sources are filled
 * with GeoJSON once the basemap and the incidents are known. Pure specs, no MapLibre runtime.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { TECHNIQUES } from '../lib/vocabulary.ts';
import { techniqueColour } from '../lib/palette.ts';

export interface MapTheme {
  water: string;
  land: string;
  border: string;
  markStroke: string;
  emphasis: string;
}

export const LIGHT_MAP: MapTheme = {
  water: '#dfe8ef',
  land: '#f7f6f2',
  border: '#a9b0b7',
  markStroke: '#ffffff',
  emphasis: '#111111',
};

export const DARK_MAP: MapTheme = {
  water: '#16202a',
  land: '#2a2f36',
  border: '#5b6570',
  markStroke: '#111418',
  emphasis: '#ffffff',
};

export const INCIDENT_LAYERS = {
  points: 'incident-points',
  hovered: 'incident-hovered',
  selected: 'incident-selected',
} as const;

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Colour by primary technique; unknown techniques fall back to grey here (the legend shows them). */
export function techniqueColourExpression(): ExpressionSpecification {
  const pairs = Object.keys(TECHNIQUES).flatMap((technique) => [technique, techniqueColour(technique)]);
  return ['match', ['get', 'technique'], ...pairs, '#6f6f6f'] as unknown as ExpressionSpecification;
}

export function idFilter(id: string | null): ExpressionSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

export function buildMapStyle(theme: MapTheme): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: empty() },
      borders: { type: 'geojson', data: empty() },
      incidents: { type: 'geojson', data: empty() },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': theme.water } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': theme.land } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': theme.border, 'line-width': 0.7 } },
      {
        id: INCIDENT_LAYERS.points,
        type: 'circle',
        source: 'incidents',
        paint: {
          'circle-radius': ['case', ['==', ['get', 'precision'], 'country'], 7, 6],
          'circle-color': techniqueColourExpression(),
          'circle-stroke-color': theme.markStroke,
          'circle-stroke-width': ['case', ['==', ['get', 'precision'], 'country'], 2.5, 1.5],
        },
      },
      {
        id: INCIDENT_LAYERS.hovered,
        type: 'circle',
        source: 'incidents',
        filter: idFilter(null),
        paint: {
          'circle-radius': 9,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': theme.emphasis,
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: INCIDENT_LAYERS.selected,
        type: 'circle',
        source: 'incidents',
        filter: idFilter(null),
        paint: {
          'circle-radius': 10,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': theme.emphasis,
          'circle-stroke-width': 3,
        },
      },
    ],
  };
}
