import { describe, expect, it } from 'vitest';
import {
  choroplethBreaks,
  choroplethLabels,
  choroplethLevel,
  choroplethShade,
  countIncidentsByCountry,
} from './country-counts.ts';
import { incident, loaded } from './test/fixtures.ts';

describe('countIncidentsByCountry', () => {
  it('counts incidents per target country, once per incident, falling back to the place country', () => {
    const counts = countIncidentsByCountry(
      loaded(
        incident({ id: 'a', date: '2020', targets: { countries: ['GB', 'US'], orgs: [] } }),
        incident({ id: 'b', date: '2021', targets: { countries: ['GB', 'GB'], orgs: [] } }),
        incident({
          id: 'c',
          date: '2021',
          places: [{ name: 'Paris', lngLat: [2.35, 48.86], precision: 'city', country: 'FR' }],
        }),
      ),
    );
    expect(Object.fromEntries(counts)).toEqual({ GB: 2, US: 1, FR: 1 });
  });
  it('never counts the actor', () => {
    expect(countIncidentsByCountry(loaded(incident({ id: 'a', date: '2020', actors: ['CN'] }))).has('CN')).toBe(false);
  });
});

describe('choropleth classes', () => {
  it.each([
    [0, []],
    [1, [1]],
    [3, [1, 2, 3]],
    [4, [1, 2, 3, 4]],
    [100, [1, 3, 10, 32]],
    [100_000, [1, 18, 316, 5623]],
  ])('choroplethBreaks(%i) is %j', (max, breaks) => {
    expect(choroplethBreaks(max)).toEqual(breaks);
  });
  it('choroplethLevel puts a count in its class, 0 for none', () => {
    const breaks = [1, 3, 10, 32];
    expect([0, 1, 2, 3, 9, 10, 500].map((count) => choroplethLevel(count, breaks))).toEqual([0, 1, 1, 2, 2, 3, 4]);
  });
  it('choroplethShade gives the top class the darkest shade however many classes there are', () => {
    expect([0, 1, 2, 3].map((count) => choroplethShade(count, [1, 2, 3]))).toEqual([0, 2, 3, 4]);
    expect(choroplethShade(1, [1])).toBe(4);
    expect(choroplethShade(40, [1, 3, 10, 32])).toBe(4);
  });
  it('choroplethLabels reads as ranges', () => {
    expect(choroplethLabels([1, 3, 10, 32])).toEqual(['1–2', '3–9', '10–31', '32+']);
    expect(choroplethLabels([1, 2, 3])).toEqual(['1', '2', '3+']);
    expect(choroplethLabels([1])).toEqual(['1']);
  });
});
