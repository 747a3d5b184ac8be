import { describe, expect, it } from 'vitest';
import { buildDatasetIndex } from './dataset-index.ts';
import {
  pickInOrder,
  sortIncidents,
  sortOrder,
  visibleRowRange,
  type SortDirection,
  type SortKey,
} from './sort-incidents.ts';
import { incident, loaded } from './test/fixtures.ts';
import { syntheticIncidents } from './test/synthetic.ts';

const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('sortOrder and pickInOrder', () => {
  const incidents = syntheticIncidents(1500);
  const index = buildDatasetIndex(incidents);
  const mask = Uint8Array.from(incidents, (_, i) => (i % 3 === 0 ? 1 : 0));
  const subset = incidents.filter((_, i) => i % 3 === 0);
  for (const key of ['date', 'title', 'countries', 'status'] as SortKey[]) {
    for (const direction of ['ascending', 'descending'] as SortDirection[]) {
      it(`sortOrder(index, "${key}", "${direction}") then pickInOrder gives sortIncidents' rows`, () => {
        const order = sortOrder(index, key, direction);
        expect(ids(pickInOrder(index, order, mask))).toEqual(ids(sortIncidents(subset, key, direction)));
      });
    }
  }
});

describe('sortOrder by date', () => {
  // Many incidents sharing a start, and a start and an end (open ends too), ids out of order.
  const dates: [string, string | undefined][] = [
    ['2021', undefined],
    ['2021-03', undefined],
    ['2021-03-02', undefined],
    ['2021-03-02', '2021-04'],
    ['2021-03-02', '2021-03-05'],
    ['2021', '..'],
    ['2020', '2022'],
  ];
  const incidents = loaded(
    ...Array.from({ length: 140 }, (_, i) => {
      const [date, end] = dates[(i * 5) % dates.length];
      return incident({ id: `x${(i * 37) % 140}`, date, ...(end ? { end } : {}) });
    }),
  );
  const index = buildDatasetIndex(incidents);
  const all = new Uint8Array(incidents.length).fill(1);
  for (const direction of ['ascending', 'descending'] as SortDirection[]) {
    it(`orders ties by end then id, as sortIncidents does (${direction})`, () => {
      expect(ids(pickInOrder(index, sortOrder(index, 'date', direction), all))).toEqual(
        ids(sortIncidents(incidents, 'date', direction)),
      );
    });
  }
});

describe('visibleRowRange', () => {
  it('covers the viewport with overscan, clamped to the rows', () => {
    expect(visibleRowRange(440, 400, 44, 1000, 2)).toEqual({ first: 8, last: 22 });
    expect(visibleRowRange(0, 400, 44, 5)).toEqual({ first: 0, last: 5 });
  });
});
