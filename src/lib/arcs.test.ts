import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { actorTargetArcs, greatCircle } from './arcs.ts';
import { incident, loaded } from './test/fixtures.ts';

describe('greatCircle', () => {
  it('starts and ends at the given points', () => {
    const line = greatCircle([2.35, 48.86], [116.4, 39.9]);
    expect(line[0]).toEqual([2.35, 48.86]);
    expect(line.at(-1)).toEqual([116.4, 39.9]);
  });
  it('bends north of the straight line, as the shortest path from Paris to Beijing does', () => {
    const line = greatCircle([2.35, 48.86], [116.4, 39.9]);
    expect(Math.max(...line.map(([, lat]) => lat))).toBeGreaterThan(55);
  });
  it('has evenly spaced points about two degrees apart', () => {
    const line = greatCircle([0, 0], [20, 0]);
    expect(line).toHaveLength(11);
    for (let i = 1; i < line.length; i++) {
      expect((geoDistance(line[i - 1], line[i]) * 180) / Math.PI).toBeCloseTo(2, 5);
    }
  });
  it('keeps longitudes continuous across the antimeridian (Beijing → Washington)', () => {
    const line = greatCircle([116.4, 39.9], [-77.04, 38.9]);
    for (let i = 1; i < line.length; i++) expect(Math.abs(line[i][0] - line[i - 1][0])).toBeLessThan(20);
    expect(line.at(-1)![0]).toBeCloseTo(-77.04 + 360, 6);
  });
  it('is one segment for two identical points', () => {
    expect(greatCircle([1, 2], [1, 2])).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});

describe('actorTargetArcs', () => {
  const anchors = new Map<string, [number, number]>([
    ['CN', [103, 35]],
    ['FR', [2.5, 46.5]],
    ['GB', [-1.5, 52.5]],
  ]);
  const place = (country: string) => ({
    name: country,
    lngLat: [0, 0] as [number, number],
    precision: 'country' as const,
    country,
  });

  it('draws one arc per actor → country pair, counting incidents', () => {
    const arcs = actorTargetArcs(
      loaded(
        incident({ id: 'a', date: '2020', targets: { countries: ['FR', 'GB'], orgs: [] } }),
        incident({ id: 'b', date: '2021', targets: { countries: ['FR'], orgs: [] } }),
      ),
      anchors,
    );
    expect(arcs.features.map((feature) => feature.properties)).toEqual([
      { from: 'CN', to: 'FR', count: 2 },
      { from: 'CN', to: 'GB', count: 1 },
    ]);
    expect(arcs.features[0].geometry.coordinates[0]).toEqual([103, 35]);
  });
  it("uses the place's country when no target is named, and skips the actor's own country", () => {
    const arcs = actorTargetArcs(
      loaded(
        incident({ id: 'in-london', date: '2020', places: [place('GB')] }),
        incident({ id: 'a-chinese-law', date: '2017', places: [place('CN')] }),
      ),
      anchors,
    );
    expect(arcs.features.map((feature) => `${feature.properties.from}>${feature.properties.to}`)).toEqual(['CN>GB']);
  });
  it('skips countries it cannot place', () => {
    const arcs = actorTargetArcs(
      loaded(incident({ id: 'x', date: '2020', targets: { countries: ['US'], orgs: [] } })),
      anchors,
    );
    expect(arcs.features).toEqual([]);
  });
});
