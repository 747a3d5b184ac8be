import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from './filter.ts';
import { describeDroppedValues, keepKnownFilterValues } from './known-filters.ts';
import { incident, loaded } from './test/fixtures.ts';

const incidents = loaded(
  incident({ id: 'ee', date: '2021', targets: { countries: ['EE'], orgs: ['NATO'] }, status: 'convicted' }),
  incident({ id: 'fr', date: '2020', targets: { countries: ['FR'], orgs: [] }, techniques: ['honey-trap'] }),
);

describe('keepKnownFilterValues', () => {
  it('keepKnownFilterValues(filters with only known values) returns the same object', () => {
    const filters = { ...EMPTY_FILTERS, countries: ['EE'], orgs: ['NATO'] };
    expect(keepKnownFilterValues(filters, incidents)).toEqual({ filters, dropped: [] });
    expect(keepKnownFilterValues(filters, incidents).filters).toBe(filters);
  });

  it('drops values the dataset never takes, in every facet', () => {
    const filters = { ...EMPTY_FILTERS, countries: ['EE', 'XX'], techniques: ['teleportation'], query: 'spy' };
    expect(keepKnownFilterValues(filters, incidents)).toEqual({
      filters: { ...EMPTY_FILTERS, countries: ['EE'], techniques: [], query: 'spy' },
      dropped: [
        { facet: 'countries', value: 'XX' },
        { facet: 'techniques', value: 'teleportation' },
      ],
    });
  });

  it("takes the dataset's spelling for a value in another case", () => {
    const filters = { ...EMPTY_FILTERS, countries: ['ee', 'EE'], statuses: ['CONVICTED'] };
    expect(keepKnownFilterValues(filters, incidents)).toEqual({
      filters: { ...EMPTY_FILTERS, countries: ['EE'], statuses: ['convicted'] },
      dropped: [],
    });
  });
});

describe('describeDroppedValues', () => {
  it('names the parameter and value', () => {
    expect(describeDroppedValues([{ facet: 'countries', value: 'XX' }])).toBe(
      'This dataset has no country "XX"; that filter was ignored.',
    );
  });
  it('names at most five and counts the rest', () => {
    const dropped = Array.from({ length: 7 }, (_, i) => ({ facet: 'orgs' as const, value: `O${i}` }));
    expect(describeDroppedValues(dropped)).toMatch(/org "O4" and 2 more; those filters were ignored\.$/);
  });
});
