import { describe, expect, it } from 'vitest';
import {
  abbreviateCount,
  clusterArea,
  clusterMembers,
  clusterOf,
  containsBox,
  latOf,
  lngOf,
  mercatorX,
  mercatorY,
  PointGrid,
  type MercatorBox,
} from './map-clusters.ts';

const WORLD: MercatorBox = [0, 0, 1, 1];
const OPTIONS = { radiusPx: 36, maxZoom: 10 };
const all = (n: number) => new Uint8Array(n).fill(1);

/** Longitude–latitude this many CSS px east of `lngLat` at `zoom` (512 px world at zoom 0). */
function east(lngLat: [number, number], px: number, zoom: number): [number, number] {
  return [lngLat[0] + (px / (512 * 2 ** zoom)) * 360, lngLat[1]];
}

const PARIS: [number, number] = [2.35, 48.86];
const BEIJING: [number, number] = [116.4, 39.9];

describe('Web Mercator', () => {
  it('goes to the unit square and back', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(lngOf(mercatorX(116.4))).toBeCloseTo(116.4, 9);
    expect(latOf(mercatorY(48.86))).toBeCloseTo(48.86, 9);
    expect(mercatorY(89)).toBeCloseTo(0, 6);
  });
});

describe('PointGrid.cluster', () => {
  it('merges points within a radius and leaves far ones alone', () => {
    const grid = new PointGrid([PARIS, east(PARIS, 10, 4), BEIJING], OPTIONS);
    const clustering = grid.cluster(all(3), 4, WORLD);
    expect(clustering.clusters).toHaveLength(1);
    expect(clustering.clusters[0].count).toBe(2);
    expect(clustering.singles).toEqual([2]);
    expect([0, 1, 2].map((i) => clusterOf(clustering, i))).toEqual([0, 0, -1]);
    expect(clusterMembers(clustering, 0)).toEqual([0, 1]);
  });

  it('splits the same points at a zoom where they are further apart than a radius', () => {
    const grid = new PointGrid([PARIS, east(PARIS, 10, 4)], OPTIONS);
    // 10 px at zoom 4 is 80 px at zoom 7.
    expect(grid.cluster(all(2), 7, WORLD).singles).toEqual([0, 1]);
  });

  it('keeps two close points on either side of a cell border together', () => {
    // A cell border at zoom 4 (cells of 36 px in a 8192 px world), and points 2 px either side of it.
    const border = lngOf((Math.ceil(mercatorX(PARIS[0]) * (8192 / 36)) * 36) / 8192);
    const grid = new PointGrid(
      [
        [border - (2 / 8192) * 360, PARIS[1]],
        [border + (2 / 8192) * 360, PARIS[1]],
      ],
      OPTIONS,
    );
    const clustering = grid.cluster(all(2), 4, WORLD);
    expect(clustering.clusters.map((cluster) => cluster.count)).toEqual([2]);
  });

  it('clusters only the flagged points, and counts incidents without a place nowhere', () => {
    const grid = new PointGrid([PARIS, null, east(PARIS, 5, 3), east(PARIS, 8, 3)], OPTIONS);
    const clustering = grid.cluster(Uint8Array.from([1, 1, 0, 1]), 3, WORLD);
    expect(clustering.clusters.map((cluster) => cluster.count)).toEqual([2]);
    expect(clusterMembers(clustering, 0)).toEqual([0, 3]);
    expect(clusterOf(clustering, 1)).toBe(-1);
    expect(clusterOf(clustering, 2)).toBe(-1);
  });

  it('places a cluster at the centre of its members, with their extent', () => {
    const grid = new PointGrid([PARIS, east(PARIS, 6, 2)], OPTIONS);
    const [cluster] = grid.cluster(all(2), 2, WORLD).clusters;
    expect(lngOf(cluster.x)).toBeCloseTo((PARIS[0] + east(PARIS, 6, 2)[0]) / 2, 9);
    expect(lngOf(cluster.box[0])).toBeCloseTo(PARIS[0], 9);
    expect(lngOf(cluster.box[2])).toBeCloseTo(east(PARIS, 6, 2)[0], 9);
    expect(cluster.oneSpot).toBe(false);
  });

  it('knows a cluster whose members all share one point, which no zoom splits', () => {
    const grid = new PointGrid([PARIS, PARIS, PARIS], OPTIONS);
    const [cluster] = grid.cluster(all(3), 10, WORLD).clusters;
    expect(cluster).toMatchObject({ count: 3, oneSpot: true });
  });

  it('draws every point alone past the last clustered zoom', () => {
    const grid = new PointGrid([PARIS, PARIS, BEIJING], OPTIONS);
    expect(grid.cluster(all(3), 11, WORLD)).toMatchObject({ clusters: [], singles: [0, 1, 2] });
  });

  it('leaves out what lies outside the area', () => {
    const grid = new PointGrid([PARIS, east(PARIS, 1, 2), BEIJING], OPTIONS);
    const europe: MercatorBox = [mercatorX(-10), mercatorY(60), mercatorX(30), mercatorY(35)];
    const clustering = grid.cluster(all(3), 2, europe);
    expect(clustering.clusters.map((cluster) => cluster.count)).toEqual([2]);
    expect(clustering.singles).toEqual([]);
    expect(clusterOf(clustering, 2)).toBe(-1);
  });

  it('counts every point once across a dense grid of 100,000', () => {
    const lngLats: [number, number][] = [];
    for (let i = 0; i < 100_000; i++) lngLats.push([-10 + (i % 400) * 0.3, 30 + Math.floor(i / 400) * 0.1]);
    const grid = new PointGrid(lngLats, OPTIONS);
    for (const zoom of [0, 3, 6, 9]) {
      const clustering = grid.cluster(all(lngLats.length), zoom, WORLD);
      const counted = clustering.clusters.reduce((sum, cluster) => sum + cluster.count, 0) + clustering.singles.length;
      expect(counted).toBe(100_000);
    }
  });
});

describe('clusterArea', () => {
  it('is the screen and as much again on every side, inside the world', () => {
    expect(clusterArea([0.4, 0.4, 0.5, 0.45])).toEqual([
      expect.closeTo(0.3, 12),
      expect.closeTo(0.35, 12),
      expect.closeTo(0.6, 12),
      expect.closeTo(0.5, 12),
    ]);
    expect(clusterArea([0.1, 0.1, 0.9, 0.9])).toEqual([0, 0, 1, 1]);
    expect(containsBox(clusterArea([0.4, 0.4, 0.5, 0.45]), [0.35, 0.38, 0.55, 0.47])).toBe(true);
    expect(containsBox(clusterArea([0.4, 0.4, 0.5, 0.45]), [0.55, 0.38, 0.65, 0.47])).toBe(false);
  });
});

describe('abbreviateCount', () => {
  it('writes counts as MapLibre did', () => {
    expect([7, 999, 1000, 1249, 9_950, 12_345].map(abbreviateCount)).toEqual(['7', '999', '1k', '1.2k', '10k', '12k']);
  });
});
