import { describe, expect, it } from 'vitest';
import { mercatorX, mercatorY } from './map-clusters.ts';
import { IncidentPointCache, MAX_LISTED, type ClusterProperties } from './map-points.ts';
import { incident, loaded } from './test/fixtures.ts';
import { BEIJING, PARIS } from './test/places.ts';

const OPTIONS = { radiusPx: 36, maxZoom: 10 };
const WORLD: [number, number, number, number] = [0, 0, 1, 1];

const incidents = loaded(
  incident({ id: 'a', date: '2020', places: [PARIS] }),
  incident({ id: 'nowhere', date: '2020' }),
  incident({ id: 'b', date: '2021', places: [BEIJING, PARIS] }),
  incident({ id: 'c', date: '2022', places: [PARIS] }),
);

describe('IncidentPointCache', () => {
  it('makes each point once, with the dataset position as its id', () => {
    const points = new IncidentPointCache(incidents, OPTIONS);
    expect(points.point(0)).toBe(points.point(0));
    expect(points.point(2)).toMatchObject({ id: 2, properties: { id: 'b' }, geometry: { coordinates: [116.4, 39.9] } });
    expect(points.point(1)).toBeNull();
  });

  it('lists the flagged incidents with several places', () => {
    const points = new IncidentPointCache(incidents, OPTIONS);
    expect(points.withSeveralPlaces(Uint8Array.from([1, 1, 1, 1])).map(({ id }) => id)).toEqual(['b']);
    expect(points.withSeveralPlaces(Uint8Array.from([1, 1, 0, 1]))).toEqual([]);
  });

  it('lists only those with a place in the area, and no more than asked for', () => {
    const several = loaded(
      incident({ id: 'paris-beijing', date: '2020', places: [PARIS, BEIJING] }),
      incident({ id: 'beijing-paris', date: '2021', places: [BEIJING, PARIS] }),
      incident({ id: 'beijing-twice', date: '2022', places: [BEIJING, BEIJING] }),
    );
    const points = new IncidentPointCache(several, OPTIONS);
    const all = Uint8Array.from([1, 1, 1]);
    const ids = (area?: [number, number, number, number], limit?: number) =>
      points.withSeveralPlaces(all, area, limit).map(({ id }) => id);
    // Around Paris: both incidents with a place there, whichever place comes first.
    const aroundParis: [number, number, number, number] = [mercatorX(0), mercatorY(51), mercatorX(5), mercatorY(46)];
    expect(ids(aroundParis)).toEqual(['paris-beijing', 'beijing-paris']);
    expect(ids()).toEqual(['paris-beijing', 'beijing-paris', 'beijing-twice']);
    expect(ids(undefined, 2)).toEqual(['paris-beijing', 'beijing-paris']);
    expect(ids([mercatorX(-80), mercatorY(45), mercatorX(-70), mercatorY(40)])).toEqual([]);
  });

  it('draws a clustering as cluster features and the cached points of lone incidents', () => {
    const points = new IncidentPointCache(incidents, OPTIONS);
    const clustering = points.grid.cluster(Uint8Array.from([1, 1, 1, 1]), 4, WORLD);
    const { features } = points.features(clustering);
    expect(features).toHaveLength(2);
    expect(features[0]).toMatchObject({
      geometry: { coordinates: [expect.closeTo(2.35, 9), expect.closeTo(48.86, 9)] },
      properties: { cluster: true, cluster_id: 0, point_count: 2, point_count_abbreviated: '2', one_spot: 1 },
    });
    // Two at one spot: listed on click, so the feature names them.
    expect(JSON.parse(String((features[0].properties as ClusterProperties).ids))).toEqual(['a', 'c']);
    expect(features[1]).toBe(points.point(2));
    expect(points.members(clustering)).toEqual([['a', 'c']]);
  });

  it('gives a cluster its extent, and names members only of a small cluster at one spot', () => {
    const many = loaded(
      ...Array.from({ length: MAX_LISTED + 1 }, (_, i) => incident({ id: `p${i}`, date: '2020', places: [PARIS] })),
      incident({ id: 'near', date: '2020', places: [{ ...PARIS, lngLat: [2.4, 48.9] }] }),
    );
    const points = new IncidentPointCache(many, OPTIONS);
    const oneSpot = points.features(points.grid.cluster(new Uint8Array(many.length).fill(1).fill(0, -1), 4, WORLD));
    expect(oneSpot.features[0].properties).not.toHaveProperty('ids');
    const spread = points.features(points.grid.cluster(new Uint8Array(many.length).fill(1), 4, WORLD));
    expect(spread.features[0].properties).toMatchObject({
      point_count: MAX_LISTED + 2,
      one_spot: 0,
      west: expect.closeTo(2.35, 9),
      east: expect.closeTo(2.4, 9),
      south: expect.closeTo(48.86, 9),
      north: expect.closeTo(48.9, 9),
    });
  });
});
