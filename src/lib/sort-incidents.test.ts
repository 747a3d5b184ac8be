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

describe('visibleRowRange', () => {
  it('covers the viewport with overscan, clamped to the rows', () => {
    expect(visibleRowRange(440, 400, 44, 1000, 2)).toEqual({ first: 8, last: 22 });
    expect(visibleRowRange(0, 400, 44, 5)).toEqual({ first: 0, last: 5 });
  });
});
