import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basemapFromTopology, countriesForFlatMap } from '../src/lib/basemap.ts';
import { countryLabels } from '../src/lib/map-labels.ts';
import { buildTimeCountryLabels, countryLabelsModule } from './vite-country-labels.ts';

const topology = (file: string) => JSON.parse(readFileSync(`node_modules/world-atlas/${file}`, 'utf8'));

describe('countryLabelsModule', () => {
  const built = buildTimeCountryLabels();

  it('gives the labels the page used to place itself, to within a metre', () => {
    const placed = countryLabels(countriesForFlatMap(basemapFromTopology(topology('countries-110m.json')).countries));
    expect(built.coarse.features.map((feature) => feature.properties)).toEqual(
      placed.features.map((feature) => feature.properties),
    );
    built.coarse.features.forEach((feature, i) => {
      const [lng, lat] = placed.features[i].geometry.coordinates;
      expect(feature.geometry.coordinates[0]).toBeCloseTo(lng, 4);
      expect(feature.geometry.coordinates[1]).toBeCloseTo(lat, 4);
    });
  });

  it('keeps the coarse labels in the fine ones and adds the small countries only they have', () => {
    const code = (labels: typeof built.fine, wanted: string) =>
      labels.features.find((feature) => feature.properties.code === wanted);
    expect(code(built.fine, 'FR')).toEqual(code(built.coarse, 'FR'));
    expect(code(built.coarse, 'MT')).toBeUndefined();
    expect(code(built.fine, 'MT')?.properties.label).toBe('Malta');
  });

  it('serves each scale as a module', () => {
    const plugin = countryLabelsModule();
    const resolve = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => string | undefined;
    const id = resolve('virtual:country-labels/coarse')!;
    expect(
      JSON.parse(
        load(id)!
          .replace(/^export default /, '')
          .replace(/;\n$/, ''),
      ),
    ).toEqual(built.coarse);
    expect(resolve('./elsewhere.ts')).toBeUndefined();
  });
});
