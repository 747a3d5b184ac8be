import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import { LAYERS, SOURCES } from './map-ids.ts';
import { Color, createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { incidentPoints } from '../lib/geo.ts';
import { techniqueColour } from '../lib/palette.ts';
import { incident, loaded } from '../lib/test/fixtures.ts';
import { PARIS } from '../lib/test/places.ts';
import {
  buildMapStyle,
  clusterRadius,
  overlayStyle,
  pointColour,
  techniqueColourExpression,
  themePaint,
} from './map-style.ts';
import { DARK_MAP, LIGHT_MAP } from './map-theme.ts';

const fonts = { 'Noto Sans Regular': [{ url: 'latin.woff2', 'unicode-range': ['U+0000-00FF'] }] };

describe('buildMapStyle', () => {
  const style = buildMapStyle(LIGHT_MAP, fonts);
  it('needs no server: no glyphs, no sprite, every source GeoJSON', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources).every((source) => source.type === 'geojson')).toBe(true);
    expect(style['font-faces']).toBe(fonts);
  });
  it('leaves clustering to us (map-clusters.ts) and keys countries by ISO code for feature state', () => {
    expect(style.sources[SOURCES.incidents]).not.toHaveProperty('cluster');
    expect(style.sources[SOURCES.countries]).toMatchObject({ promoteId: 'code' });
  });
  it('is a valid MapLibre style in both themes (checked here, so the page skips the check at load)', () => {
    for (const theme of [LIGHT_MAP, DARK_MAP]) expect(validateStyleMin(buildMapStyle(theme, fonts))).toEqual([]);
  });
  it('draws the selection above everything', () => {
    expect(style.layers.at(-1)!.id).toBe(LAYERS.selected);
  });
});

describe('themePaint', () => {
  it('switches every paint value that differs between light and dark, on the same layers', () => {
    const light = themePaint(LIGHT_MAP);
    const dark = themePaint(DARK_MAP);
    expect(dark.map(([layer, property]) => `${layer}.${property}`)).toEqual(
      light.map(([layer, property]) => `${layer}.${property}`),
    );
    expect(dark).toContainEqual(['water', 'background-color', DARK_MAP.water]);
  });
});

describe('overlayStyle', () => {
  const remote: StyleSpecification = {
    version: 8,
    glyphs: 'https://tiles.example/{fontstack}/{range}.pbf',
    sources: { base: { type: 'vector', url: 'https://tiles.example/base.json' } },
    layers: [{ id: 'base-land', type: 'background', paint: { 'background-color': '#eee' } }],
  };
  const merged = overlayStyle(remote, buildMapStyle(LIGHT_MAP, fonts));
  it('keeps the remote basemap and puts our incident layers over it, without our own land and labels', () => {
    const ids = merged.layers.map((layer) => layer.id);
    expect(ids[0]).toBe('base-land');
    expect(ids).toContain(LAYERS.clusters);
    expect(ids).not.toContain('water');
    expect(ids).not.toContain(LAYERS.countryLabels);
    expect(Object.keys(merged.sources)).toEqual(expect.arrayContaining(['base', SOURCES.incidents]));
    expect(merged.glyphs).toBe(remote.glyphs);
  });
  it('leaves countries without incidents clear, and the borders to the remote basemap', () => {
    const fill = merged.layers.find((layer) => layer.id === LAYERS.countryFill)!;
    expect(fill.type === 'fill' && fill.paint?.['fill-outline-color']).toBeUndefined();
    expect(fill.type === 'fill' && fill.paint?.['fill-opacity']).toEqual([
      'case',
      ['>', ['coalesce', ['feature-state', 'shade'], 0], 0],
      0.55,
      0,
    ]);
  });
});

describe('techniqueColourExpression', () => {
  // Evaluated by MapLibre's own expression engine, as the map evaluates it for each point.
  const expression = createExpression(techniqueColourExpression(), { type: 'color' } as never);
  if (expression.result !== 'success') throw new Error('the colour expression does not compile');
  const colourOf = (properties: object) => {
    const colour = expression.value.evaluate({ zoom: 4 }, { type: 1, properties } as never) as Color | string;
    return (typeof colour === 'string' ? Color.parse(colour)! : colour).toString();
  };
  const css = (hex: string) => Color.parse(hex)!.toString();

  it('colours each point as the timeline does: curated techniques, a user’s own, and none', () => {
    const [curated, own] = loaded(
      incident({ id: 'a', date: '2020', places: [PARIS], techniques: ['honey-trap'] }),
      incident({ id: 'b', date: '2020', places: [PARIS], techniques: ['Drone overflight'] }),
    ).map((record) => incidentPoints([record]).features[0].properties);
    expect(colourOf(curated)).toBe(css(techniqueColour('honey-trap')));
    expect(colourOf(own)).toBe(css(techniqueColour('Drone overflight')));
    expect(css(techniqueColour('Drone overflight'))).not.toBe(css(techniqueColour(undefined)));
    expect(colourOf({ technique: 'unknown' })).toBe(css(techniqueColour(undefined)));
  });

  it('gives the colour the sketch draws a point with (map-sketch.ts)', () => {
    const points = loaded(
      incident({ id: 'a', date: '2020', places: [PARIS], techniques: ['honey-trap'] }),
      incident({ id: 'b', date: '2020', places: [PARIS], techniques: ['Drone overflight'] }),
      incident({ id: 'c', date: '2020', places: [PARIS], techniques: [] }),
    ).map((record) => incidentPoints([record]).features[0].properties);
    for (const properties of points) expect(css(pointColour(properties))).toBe(colourOf(properties));
  });
});

describe('clusterRadius', () => {
  const clusters = buildMapStyle(LIGHT_MAP, fonts).layers.find((layer) => layer.id === LAYERS.clusters)!;
  const radius = createExpression(clusters.type === 'circle' ? clusters.paint?.['circle-radius'] : null, {
    type: 'number',
  } as never);
  if (radius.result !== 'success') throw new Error('the cluster radius does not compile');

  it('is the radius the style draws a cluster of that many with', () => {
    for (const count of [2, 9, 10, 99, 100, 999, 1000, 25_000]) {
      const drawn = radius.value.evaluate({ zoom: 4 }, { type: 1, properties: { point_count: count } } as never);
      expect(clusterRadius(count), `${count} members`).toBe(drawn);
    }
    expect(clusterRadius(2)).toBeLessThan(clusterRadius(1000));
  });
});
