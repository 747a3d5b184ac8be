import { describe, expect, it } from 'vitest';
import { allPlaces, incidentPoints, placeLinks, secondaryPlaces } from './geo.ts';
import { incident, loaded } from './test/fixtures.ts';
import { BEIJING, CHINA, PARIS } from './test/places.ts';

const incidents = loaded(
  incident({ id: 'two-places', date: '2020', places: [PARIS, BEIJING], techniques: ['honey-trap'] }),
  incident({ id: 'a-law', date: '2017', places: [CHINA], techniques: ['legal-instrument'] }),
  incident({ id: 'nowhere', date: '2019' }),
);

describe('incidentPoints', () => {
  it('gives one point per incident, at its first place, so clusters count incidents', () => {
    const { features } = incidentPoints(incidents);
    expect(features.map((feature) => feature.properties.id)).toEqual(['two-places', 'a-law']);
    expect(features[0].geometry.coordinates).toEqual([2.35, 48.86]);
    expect(features[0].properties).toEqual({
      id: 'two-places',
      technique: 'honey-trap',
      countryLevel: 0,
    });
  });
  it('marks country-level places, drawn with their own symbol', () => {
    expect(incidentPoints(incidents).features[1].properties.countryLevel).toBe(1);
  });
});

describe('secondaryPlaces and allPlaces', () => {
  it('secondaryPlaces(incidents) holds only the places after the first', () => {
    const { features } = secondaryPlaces(incidents);
    expect(features.map((feature) => [feature.properties.id, feature.geometry.coordinates])).toEqual([
      ['two-places', [116.4, 39.9]],
    ]);
  });
  it('allPlaces(incidents) holds every place', () => {
    expect(allPlaces(incidents).features).toHaveLength(3);
  });
});

describe('placeLinks', () => {
  it('ties the places of one incident with a great-circle line from the first', () => {
    const { features } = placeLinks(incidents);
    expect(features).toHaveLength(1);
    expect(features[0].properties.id).toBe('two-places');
    const coordinates = features[0].geometry.coordinates;
    expect(coordinates[0]).toEqual([2.35, 48.86]);
    expect(coordinates.at(-1)).toEqual([116.4, 39.9]);
    expect(coordinates.length).toBeGreaterThan(10);
  });
});
