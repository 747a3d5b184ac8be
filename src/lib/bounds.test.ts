import { describe, expect, it } from 'vitest';
import { containsBounds, EUROPE_AND_CHINA, isPointBounds, placesBounds } from './bounds.ts';
import { incident, loaded } from './test/fixtures.ts';
import { BEIJING, PARIS } from './test/places.ts';

const incidents = loaded(
  incident({ id: 'two-places', date: '2020', places: [PARIS, BEIJING] }),
  incident({ id: 'one-place', date: '2017', places: [BEIJING] }),
);

describe('bounds', () => {
  it('placesBounds(incidents) spans every place', () => {
    expect(placesBounds(incidents)).toEqual([
      [2.35, 39.9],
      [116.4, 48.86],
    ]);
  });
  it('placesBounds([]) is null', () => {
    expect(placesBounds([])).toBeNull();
  });
  it('isPointBounds tells one spot from an area', () => {
    expect(isPointBounds(placesBounds([incidents[1]])!)).toBe(true);
    expect(isPointBounds(placesBounds(incidents)!)).toBe(false);
  });
  it('containsBounds(EUROPE_AND_CHINA, …) holds Paris–Beijing and not New York', () => {
    expect(containsBounds(EUROPE_AND_CHINA, placesBounds(incidents)!)).toBe(true);
    expect(
      containsBounds(EUROPE_AND_CHINA, [
        [-74, 40.7],
        [-74, 40.7],
      ]),
    ).toBe(false);
  });
});
