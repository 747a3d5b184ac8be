import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  applyTimeWindow,
  countActiveFilters,
  countFacet,
  EMPTY_FILTERS,
  facetOptions,
  timeExtent,
  toggleFacetValue,
} from './filter.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const incidents = loaded(
  incident({
    id: 'ee',
    date: '2021-03-02',
    targets: { countries: ['EE'], orgs: [] },
    techniques: ['human-intelligence'],
    status: 'convicted',
    title: 'Estonian scientist Kõuts',
  }),
  incident({
    id: 'fr',
    date: '2020-07',
    targets: { countries: ['FR'], orgs: [] },
    techniques: ['honey-trap', 'insider'],
    status: 'convicted',
  }),
  incident({
    id: 'law',
    date: '2017',
    places: [{ name: 'China', lngLat: [116.4, 39.9], precision: 'country', country: 'CN' }],
    techniques: ['legal-instrument'],
    status: 'enacted',
  }),
  incident({
    id: 'eu',
    date: '2021-07-19',
    targets: { countries: ['GB'], orgs: ['EU', 'NATO'] },
    techniques: ['diplomatic-response'],
    status: 'official-statement',
  }),
);
const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('applyFilters', () => {
  it('applyFilters(incidents, {countries: ["EE"]}) keeps only Estonian incidents', () => {
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, countries: ['EE'] }))).toEqual(['ee']);
  });
  it('matches any of several values within one filter (OR)', () => {
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, countries: ['EE', 'FR'] }))).toEqual(['ee', 'fr']);
  });
  it('requires every filter across filters (AND)', () => {
    expect(
      ids(applyFilters(incidents, { ...EMPTY_FILTERS, countries: ['EE', 'FR'], techniques: ['insider'] })),
    ).toEqual(['fr']);
  });
  it('matches a secondary technique, not only the primary one', () => {
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, techniques: ['insider'] }))).toEqual(['fr']);
  });
  it('falls back to the place country when a record names no target', () => {
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, countries: ['CN'] }))).toEqual(['law']);
  });
  it('does not match the actor: China as actor is not a country filter hit', () => {
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, countries: ['CN'] }))).not.toContain('ee');
  });
  it('filters by status and organisation', () => {
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, statuses: ['convicted'] }))).toEqual(['ee', 'fr']);
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, orgs: ['NATO'] }))).toEqual(['eu']);
  });
  it('searches without regard to accents or case', () => {
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, query: 'KOUTS estonian' }))).toEqual(['ee']);
    expect(ids(applyFilters(incidents, { ...EMPTY_FILTERS, query: 'kouts france' }))).toEqual([]);
  });
});

describe('countActiveFilters', () => {
  it('countActiveFilters(EMPTY_FILTERS) is 0', () => {
    expect(countActiveFilters(EMPTY_FILTERS)).toBe(0);
  });
  it('counts each chosen value, and the search text as one', () => {
    const filters = { ...EMPTY_FILTERS, countries: ['EE', 'FR'], statuses: ['convicted'], query: 'kouts' };
    expect(countActiveFilters(filters)).toBe(4);
  });
  it('does not count a search of only spaces', () => {
    expect(countActiveFilters({ ...EMPTY_FILTERS, query: '   ' })).toBe(0);
  });
});

describe('applyTimeWindow', () => {
  it('keeps a year-precision incident in any window touching its year', () => {
    expect(ids(applyTimeWindow(incidents, { fromMs: utc(2017, 12, 31), toMs: utc(2018, 6) }))).toEqual(['law']);
  });
  it('keeps a month-precision incident when the window touches its month', () => {
    expect(ids(applyTimeWindow(incidents, { fromMs: utc(2020, 7, 31), toMs: utc(2020, 9) }))).toEqual(['fr']);
  });
  it('leaves out a day-precision incident outside the window', () => {
    expect(ids(applyTimeWindow(incidents, { fromMs: utc(2021, 3, 3), toMs: utc(2021, 7, 1) }))).toEqual([]);
  });
});

describe('facets', () => {
  it('countFacet counts incidents per value under the other filters', () => {
    const counts = countFacet(
      incidents,
      { ...EMPTY_FILTERS, countries: ['EE'], statuses: ['convicted'] },
      'countries',
      null,
    );
    expect(Object.fromEntries(counts)).toEqual({ EE: 1, FR: 1 });
  });
  it('facetOptions lists vocabulary values in order, unknown ones after', () => {
    expect(facetOptions(incidents, 'statuses', ['enacted', 'convicted'])).toEqual([
      'enacted',
      'convicted',
      'official-statement',
    ]);
  });
  it('toggleFacetValue adds then removes', () => {
    const once = toggleFacetValue(EMPTY_FILTERS, 'countries', 'EE');
    expect(once.countries).toEqual(['EE']);
    expect(toggleFacetValue(once, 'countries', 'EE').countries).toEqual([]);
  });
  it('timeExtent spans the earliest start to the latest end', () => {
    expect(timeExtent(incidents, 0)).toEqual({ fromMs: utc(2017), toMs: utc(2021, 7, 20) });
  });
});
