import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { basemapFromTopology, countriesForFlatMap } from './basemap.ts';

const topology = JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'));

describe('basemapFromTopology', () => {
  const { countries } = basemapFromTopology(topology);
  it('joins world-atlas numeric ids to ISO alpha-2 codes and short names', () => {
    const byCode = new Map(countries.features.map((feature) => [feature.properties.code, feature.properties.name]));
    expect(byCode.get('FR')).toBe('France');
    expect(byCode.get('CN')).toBe('China');
    expect(byCode.get('EE')).toBe('Estonia');
    expect(byCode.get('CZ')).toBe('Czechia');
  });
});

/** Twice the signed area of a ring on the plane (the sign is its turning, as MapLibre reads it). */
function planarArea(ring: GeoJSON.Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j][0] - ring[i][0]) * (ring[i][1] + ring[j][1]);
  return sum;
}

const polygonsOf = (geometry: Polygon | MultiPolygon) =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

describe('countriesForFlatMap', () => {
  for (const scale of ['110m', '50m']) {
    const world = JSON.parse(readFileSync(`node_modules/world-atlas/countries-${scale}.json`, 'utf8'));
    const spherical = basemapFromTopology(world).countries;
    const flat = countriesForFlatMap(spherical);
    // Antarctica's rings go round the South Pole, beyond what a Mercator map shows; they are left
    // as world-atlas has them (the map clamps them at its edge).
    const aroundThePole = (name: string) => name === 'Antarctica';

    it(`${scale}: every country's shapes turn one way and its holes the other, as MapLibre reads rings on the plane`, () => {
      const mixed = flat.features.filter(({ geometry, properties }) => {
        if (aroundThePole(properties.name)) return false;
        const signs = polygonsOf(geometry).flatMap((rings) =>
          rings.map((ring, i) => Math.sign(planarArea(ring)) * (i === 0 ? 1 : -1)),
        );
        return new Set(signs.filter(Boolean)).size > 1;
      });
      expect(mixed.map((country) => country.properties.name)).toEqual([]);
    });

    it(`${scale}: no edge jumps across the world (Russia, Fiji and Wrangel Island did)`, () => {
      const jumps = (countries: typeof flat) =>
        countries.features.flatMap(({ geometry, properties }) =>
          aroundThePole(properties.name)
            ? []
            : polygonsOf(geometry)
                .flat()
                .filter((ring) => ring.some(([lng], i) => i > 0 && Math.abs(lng - ring[i - 1][0]) > 180))
                .map(() => properties.name),
        );
      expect(new Set(jumps(spherical))).toEqual(new Set(['Russia', 'Fiji']));
      expect(jumps(flat)).toEqual([]);
      // Russia reaches past 180° east as one shape, Chukotka included.
      const russia = flat.features.find((country) => country.properties.code === 'RU')!;
      const longitudes = polygonsOf(russia.geometry)
        .flat(2)
        .map(([lng]) => lng);
      expect(Math.max(...longitudes)).toBeGreaterThan(185);
      expect(Math.min(...longitudes)).toBeGreaterThan(19);
    });

    it(`${scale}: the shapes that do not cross the antimeridian are untouched`, () => {
      const france = (collection: typeof flat) =>
        collection.features.find((country) => country.properties.code === 'FR');
      expect(france(flat)).toEqual(france(spherical));
    });
  }
});
