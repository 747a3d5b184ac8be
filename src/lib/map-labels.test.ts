import { readFileSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { basemapFromTopology } from './basemap.ts';
import { CAPITALS } from './capitals.ts';
import {
  capitalLabelText,
  capitalPoints,
  chineseLabelText,
  countryAnchors,
  countryLabels,
  countryLabelText,
  labelMinzoom,
  mergeCountryLabels,
} from './map-labels.ts';

const coarse = basemapFromTopology(JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8')));
const fine = basemapFromTopology(JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8')));

describe('label text', () => {
  it('countryLabelText writes Chinese-script places in both scripts', () => {
    expect(countryLabelText('CN')).toBe('China\n中国');
    expect(countryLabelText('HK')).toBe('Hong Kong\n香港');
    expect(countryLabelText('FR')).toBe('France');
  });
  it('does not take a side on Taiwan', () => {
    expect(countryLabelText('TW')).toBe('Taiwan\n台湾');
  });
  it('capitalLabelText writes "Beijing 北京"', () => {
    expect(capitalLabelText(CAPITALS.find((capital) => capital.country === 'CN')!)).toBe('Beijing 北京');
    expect(capitalLabelText(CAPITALS.find((capital) => capital.country === 'FR')!)).toBe('Paris');
  });
  it('chineseLabelText holds every Chinese character the basemap draws', () => {
    expect([...new Set(chineseLabelText())].sort().join('')).toBe(
      [...new Set('中国台湾香港澳门北京台北')].sort().join(''),
    );
  });
});

describe('countryLabels', () => {
  const labels = countryLabels(coarse.countries);
  const byCode = new Map(labels.features.map((feature) => [feature.properties.code, feature]));

  it('puts each label inside its country (mainland France, not French Guiana)', () => {
    for (const code of ['FR', 'CN', 'NO', 'HR', 'US', 'RU', 'GB']) {
      const country = coarse.countries.features.find((feature) => feature.properties.code === code)!;
      const point = byCode.get(code)!.geometry.coordinates;
      expect(geoContains(country, point as [number, number]), code).toBe(true);
    }
    const [lng, lat] = byCode.get('FR')!.geometry.coordinates;
    expect(lng).toBeGreaterThan(-5);
    expect(lat).toBeGreaterThan(42);
  });
  it('labels big countries from the first view and small ones later', () => {
    expect(byCode.get('CN')!.properties.minzoom).toBe(0);
    expect(byCode.get('FR')!.properties.minzoom).toBe(1.5);
    expect(byCode.get('EE')!.properties.minzoom).toBe(2.5);
    expect(labelMinzoom(2_600)).toBe(3.5);
    expect(byCode.get('CN')!.properties.sortKey).toBeLessThan(byCode.get('FR')!.properties.sortKey);
  });
  it('countryAnchors places countries by code', () => {
    expect(countryAnchors(labels).get('CN')).toEqual(byCode.get('CN')!.geometry.coordinates);
  });
  it('mergeCountryLabels keeps the coarse labels and adds those only the 50m map has', () => {
    const merged = mergeCountryLabels(labels, countryLabels(fine.countries));
    const codes = merged.features.map((feature) => feature.properties.code);
    expect(codes).toContain('LU');
    expect(codes.filter((code) => code === 'FR')).toHaveLength(1);
    expect(merged.features.find((feature) => feature.properties.code === 'FR')).toBe(byCode.get('FR'));
  });
});

describe('capitals', () => {
  it('every capital lies in its country on the 50m Natural Earth map, within 0.1° for coastal ones', () => {
    // The 50m coastlines are simplified: Copenhagen or Lisbon can fall just offshore.
    const polygons = new Map(fine.countries.features.map((feature) => [feature.properties.code, feature]));
    const nearby = ([lng, lat]: [number, number]): [number, number][] =>
      [-0.1, 0, 0.1].flatMap((dx) => [-0.1, 0, 0.1].map((dy): [number, number] => [lng + dx, lat + dy]));
    for (const capital of CAPITALS) {
      const country = polygons.get(capital.country);
      expect(country, capital.country).toBeDefined();
      expect(
        nearby(capital.lngLat).some((point) => geoContains(country!, point)),
        `${capital.name} in ${capital.country}`,
      ).toBe(true);
    }
  });
  it('a capital put in the wrong country fails that check', () => {
    const france = fine.countries.features.find((feature) => feature.properties.code === 'FR')!;
    expect(geoContains(france, [13.4, 52.52])).toBe(false);
  });
  it('has one capital per country', () => {
    expect(new Set(CAPITALS.map((capital) => capital.country)).size).toBe(CAPITALS.length);
  });
  it('capitalPoints gives labelled points', () => {
    const beijing = capitalPoints().features.find((feature) => feature.properties.country === 'CN')!;
    expect(beijing.properties).toEqual({ country: 'CN', label: 'Beijing 北京', rank: 1 });
  });
});
