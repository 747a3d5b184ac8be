import { describe, expect, it } from 'vitest';
import {
  binOfMs,
  binStartMs,
  chooseBinUnit,
  formatBin,
  incidentHistogram,
  laneBinMax,
  laneHistogram,
} from './timeline-bins.ts';
import { buildTimelineIndex } from './timeline-index.ts';
import { buildTimeOrder, DAY_MS } from './time-order.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const MONTH = { unit: 'month', step: 1, approxMs: 30 * DAY_MS } as const;
const incidents = loaded(
  incident({ id: 'day', date: '2021-03-02' }),
  incident({ id: 'day2', date: '2021-03-20' }),
  incident({ id: 'year', date: '2021' }),
  incident({ id: 'period', date: '2021-02', end: '2021-04' }),
);
const index = buildTimelineIndex(buildTimeOrder(incidents), incidents, 'none', utc(2025));

describe('bins', () => {
  it('chooseBinUnit picks the finest calendar unit at least 10 px wide', () => {
    expect(chooseBinUnit(DAY_MS / 20).unit).toBe('day');
    expect(chooseBinUnit(DAY_MS / 2)).toMatchObject({ unit: 'week' });
    expect(chooseBinUnit(3 * DAY_MS)).toMatchObject({ unit: 'month', step: 1 });
    expect(chooseBinUnit(100 * DAY_MS)).toMatchObject({ unit: 'year', step: 5 });
  });
  it('binOfMs and binStartMs agree on calendar boundaries, in UTC', () => {
    for (const unit of [
      MONTH,
      { unit: 'week', step: 1, approxMs: 7 * DAY_MS } as const,
      { unit: 'year', step: 5, approxMs: 0 } as const,
    ]) {
      const bin = binOfMs(unit, utc(2021, 3, 17));
      expect(binStartMs(unit, bin)).toBeLessThanOrEqual(utc(2021, 3, 17));
      expect(binStartMs(unit, bin + 1)).toBeGreaterThan(utc(2021, 3, 17));
    }
    expect(binStartMs(MONTH, binOfMs(MONTH, utc(2021, 3, 17)))).toBe(utc(2021, 3, 1));
    // Weeks start on Monday: 15 March 2021 was a Monday.
    expect(
      binStartMs(
        { unit: 'week', step: 1, approxMs: 0 },
        binOfMs({ unit: 'week', step: 1, approxMs: 0 }, utc(2021, 3, 17)),
      ),
    ).toBe(utc(2021, 3, 15));
  });
  it('formatBin names a bin in words', () => {
    expect(formatBin(MONTH, binOfMs(MONTH, utc(2021, 3, 5)))).toBe('March 2021');
    expect(
      formatBin(
        { unit: 'month', step: 3, approxMs: 0 },
        binOfMs({ unit: 'month', step: 3, approxMs: 0 }, utc(2021, 5)),
      ),
    ).toBe('Q2 2021');
    expect(
      formatBin({ unit: 'year', step: 5, approxMs: 0 }, binOfMs({ unit: 'year', step: 5, approxMs: 0 }, utc(2021))),
    ).toBe('2020–2024');
  });
  it('laneHistogram counts a year-precision incident as touching every month of its year, within none', () => {
    const histogram = laneHistogram(index, 0, MONTH, utc(2021), utc(2022));
    expect(histogram.firstBin).toBe(2021 * 12);
    // January: the year. February: the year and the period. March: both days, the year, the period.
    expect([...histogram.touching.slice(0, 5)]).toEqual([1, 2, 4, 2, 1]);
    expect([...histogram.within.slice(0, 5)]).toEqual([0, 0, 2, 0, 0]);
  });
  it('laneHistogram spreads an incident that spans several bins evenly over them', () => {
    const histogram = laneHistogram(index, 0, MONTH, utc(2021), utc(2022));
    expect(histogram.spread[0]).toBeCloseTo(1 / 12, 9);
    expect(histogram.spread[1]).toBeCloseTo(1 / 12 + 1 / 3, 9);
    expect(histogram.spread[11]).toBeCloseTo(1 / 12, 9);
  });
  it('incidentHistogram over years puts the whole year-precision record within its year', () => {
    const YEAR = { unit: 'year', step: 1, approxMs: 0 } as const;
    const histogram = incidentHistogram(index, YEAR, utc(2020), utc(2023));
    expect([...histogram.touching.slice(0, 3)]).toEqual([0, 4, 0]);
    expect([...histogram.within.slice(0, 3)]).toEqual([0, 4, 0]);
  });
  it('laneBinMax is the fullest bin over the lane', () => {
    // March: both days within it, plus a twelfth of the year and a third of the Feb–Apr period.
    expect(laneBinMax(index, 0, MONTH)).toBeCloseTo(2 + 1 / 12 + 1 / 3, 9);
  });
});
