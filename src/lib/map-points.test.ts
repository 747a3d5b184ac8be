import { describe, expect, it } from 'vitest';
import { IncidentPointCache } from './map-points.ts';
import { incident, loaded } from './test/fixtures.ts';
import { BEIJING, PARIS } from './test/places.ts';

const incidents = loaded(
  incident({ id: 'a', date: '2020', places: [PARIS] }),
  incident({ id: 'nowhere', date: '2020' }),
  incident({ id: 'b', date: '2021', places: [BEIJING, PARIS] }),
);

describe('IncidentPointCache', () => {
  it('makes each point once, with the dataset position as its id', () => {
    const points = new IncidentPointCache(incidents);
    expect(points.point(0)).toBe(points.point(0));
    expect(points.point(2)).toMatchObject({ id: 2, properties: { id: 'b' }, geometry: { coordinates: [116.4, 39.9] } });
    expect(points.point(1)).toBeNull();
  });
  it('collection(mask) holds the points of the flagged incidents that have a place', () => {
    const points = new IncidentPointCache(incidents);
    expect(points.collection(Uint8Array.from([1, 1, 1])).features.map((feature) => feature.id)).toEqual([0, 2]);
  });
  it('diff(shown, next) adds what appears and removes what goes, nothing else', () => {
    const points = new IncidentPointCache(incidents);
    const diff = points.diff(Uint8Array.from([1, 0, 0]), Uint8Array.from([0, 1, 1]));
    expect(diff.add.map((feature) => feature.id)).toEqual([2]);
    expect(diff.remove).toEqual([0]);
    expect(points.diff(Uint8Array.from([1, 0, 1]), Uint8Array.from([1, 0, 1]))).toEqual({ add: [], remove: [] });
  });
});
