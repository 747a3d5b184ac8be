import { describe, expect, it } from 'vitest';
import { assignLanes, laneKeysOf, NO_VALUE_LANE, OTHER_LANE } from './timeline-lanes.ts';
import { incident, loaded } from './test/fixtures.ts';

const incidents = loaded(
  incident({
    id: 'a',
    date: '2021',
    techniques: ['cyber-intrusion', 'insider'],
    targets: { countries: ['FR', 'DE'], orgs: [] },
  }),
  incident({ id: 'b', date: '2021', techniques: ['cyber-intrusion'], targets: { countries: ['DE'], orgs: [] } }),
  incident({ id: 'c', date: '2021', techniques: ['honey-trap'], targets: { countries: [], orgs: [] } }),
);

describe('laneKeysOf', () => {
  it('uses the primary technique only', () => {
    expect(laneKeysOf(incidents[0], 'technique')).toEqual(['cyber-intrusion']);
  });
  it('puts an incident against two countries in both lanes', () => {
    expect(laneKeysOf(incidents[0], 'country')).toEqual(['FR', 'DE']);
  });
  it('gives a record without any country the "no country" lane', () => {
    expect(laneKeysOf(incidents[2], 'country')).toEqual([NO_VALUE_LANE]);
  });
});

describe('assignLanes', () => {
  it('assignLanes(incidents, "technique") orders lanes by size, with readable labels', () => {
    const { lanes } = assignLanes(incidents, 'technique');
    expect(lanes).toEqual([
      { key: 'cyber-intrusion', label: 'Cyber intrusion', count: 2 },
      { key: 'honey-trap', label: 'Honey trap', count: 1 },
    ]);
  });
  it('assignLanes(incidents, "country") counts an incident in each of its countries', () => {
    const { lanes } = assignLanes(incidents, 'country');
    expect(lanes.map((lane) => [lane.label, lane.count])).toEqual([
      ['Germany', 2],
      ['France', 1],
      ['No country', 1],
    ]);
  });
  it('assignLanes(incidents, "none") has one lane for all', () => {
    expect(assignLanes(incidents, 'none').lanes).toEqual([{ key: '*', label: 'All incidents', count: 3 }]);
  });
  it('folds the smallest lanes into "Other" past the maximum, counting incidents once', () => {
    const many = loaded(
      ...['FR', 'FR', 'DE', 'DE', 'IT', 'PL'].map((country, i) =>
        incident({ id: `x${i}`, date: '2021', targets: { countries: [country], orgs: [] } }),
      ),
      incident({ id: 'both', date: '2021', targets: { countries: ['IT', 'PL'], orgs: [] } }),
    );
    const { lanes, laneOfKey } = assignLanes(many, 'country', 3);
    // Equal counts fall back to the label: France before Germany.
    expect(lanes.map((lane) => lane.key)).toEqual(['FR', 'DE', OTHER_LANE]);
    expect(lanes[2]).toMatchObject({ label: 'Other (2 countries)', count: 3 });
    expect(laneOfKey.get('PL')).toBe(2);
  });
});
