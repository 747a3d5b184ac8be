import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basemapFromTopology } from './basemap.ts';

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
