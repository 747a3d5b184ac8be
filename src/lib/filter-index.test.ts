import { describe, expect, it } from 'vitest';
import { countIncidentsByCountry } from './country-counts.ts';
import { buildDatasetIndex, countMask, datasetIndexOf, DatasetIndexBuilder, pickIncidents } from './dataset-index.ts';
import { applyFilters, applyTimeWindow, countFacet, EMPTY_FILTERS, FACETS, facetOptions } from './filter.ts';
import {
  countFacetValues,
  countFacets,
  filterMask,
  indexedFacetOptions,
  queryMask,
  windowMask,
} from './filter-index.ts';
import { incident, loaded, utc } from './test/fixtures.ts';
import { randomFilters, randomWindow, syntheticIncidents } from './test/synthetic.ts';

const ids = (list: { id: string }[]) => list.map((item) => item.id);

const small = loaded(
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
    targets: { countries: ['FR', 'FR'], orgs: [] },
    techniques: ['honey-trap', 'insider'],
    status: 'convicted',
  }),
  incident({ id: 'eu', date: '2021-07-19', targets: { countries: ['GB'], orgs: ['EU', 'NATO'] } }),
);

describe('buildDatasetIndex', () => {
  const index = buildDatasetIndex(small);
  it('codes each facet value once per incident, in the order first met', () => {
    const { values, offsets, codes, totals } = index.facets.countries;
    expect(values).toEqual(['EE', 'FR', 'GB']);
    expect([...codes.subarray(offsets[1], offsets[2])]).toEqual([1]);
    expect([...totals]).toEqual([1, 1, 1]);
  });
  it('keeps the periods as columns', () => {
    expect(index.startMs[0]).toBe(utc(2021, 3, 2));
    expect(index.endMs[1]).toBe(utc(2020, 8, 1));
  });
  it('pickIncidents and countMask read flags by dataset position', () => {
    const mask = Uint8Array.from([1, 0, 1]);
    expect(ids(pickIncidents(index, mask))).toEqual(['ee', 'eu']);
    expect(countMask(mask)).toBe(2);
  });
});

describe('DatasetIndexBuilder', () => {
  it('builds, batch by batch, the index of the whole, and hands it to datasetIndexOf', () => {
    const incidents = syntheticIncidents(700);
    const builder = new DatasetIndexBuilder();
    for (let from = 0; from < incidents.length; from += 256) builder.add(incidents.slice(from, from + 256));
    const index = builder.finish(incidents);
    expect(datasetIndexOf(incidents)).toBe(index);
    const whole = buildDatasetIndex([...incidents]);
    expect({ ...index, incidents: null }).toEqual({ ...whole, incidents: null });
    expect(() => builder.finish(incidents.slice(1))).toThrow();
  });
});

describe('filterMask, windowMask and queryMask on a small dataset', () => {
  const index = buildDatasetIndex(small);
  it('filterMask(index, {techniques: ["insider"]}) matches a secondary technique', () => {
    expect(ids(pickIncidents(index, filterMask(index, { ...EMPTY_FILTERS, techniques: ['insider'] })))).toEqual(['fr']);
  });
  it('a value no incident carries matches nothing', () => {
    expect(countMask(filterMask(index, { ...EMPTY_FILTERS, countries: ['XX'] }))).toBe(0);
  });
  it('queryMask is null without a search, and accent-insensitive with one', () => {
    expect(queryMask(index, '  ')).toBeNull();
    expect([...queryMask(index, 'KOUTS')!]).toEqual([1, 0, 0]);
  });
  it('windowMask keeps what overlaps the window', () => {
    const all = filterMask(index, EMPTY_FILTERS);
    expect(ids(pickIncidents(index, windowMask(index, all, { fromMs: utc(2020, 7, 31), toMs: utc(2020, 9) })))).toEqual(
      ['fr'],
    );
  });
});

describe('the index gives what filter.ts gives, on 2,000 synthetic incidents', () => {
  const incidents = syntheticIncidents(2000);
  const index = buildDatasetIndex(incidents);
  for (let seed = 1; seed <= 40; seed++) {
    it(`filters, window and counts agree (case ${seed})`, () => {
      const filters = randomFilters(incidents, seed);
      const window = seed % 5 === 0 ? null : randomWindow(seed);
      const mask = filterMask(index, filters);
      expect(ids(pickIncidents(index, mask))).toEqual(ids(applyFilters(incidents, filters)));
      if (window) {
        const visible = pickIncidents(index, windowMask(index, mask, window));
        expect(ids(visible)).toEqual(ids(applyTimeWindow(applyFilters(incidents, filters), window)));
        expect(countFacetValues(index, 'countries', windowMask(index, mask, window))).toEqual(
          countIncidentsByCountry(visible),
        );
      }
      const counts = countFacets(index, filters, window);
      for (const facet of FACETS) expect(counts[facet]).toEqual(countFacet(incidents, filters, facet, window));
    });
  }
  it('indexedFacetOptions lists what facetOptions lists', () => {
    for (const facet of FACETS)
      expect(indexedFacetOptions(index, facet, ['insider', 'convicted'])).toEqual(
        facetOptions(incidents, facet, ['insider', 'convicted']),
      );
  });
});
