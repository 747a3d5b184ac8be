import { describe, expect, it } from 'vitest';
import { axisTicks } from './time-axis.ts';
import { utc } from './test/fixtures.ts';

describe('axisTicks', () => {
  it('labels decades with years when the window spans a century', () => {
    const { unit, ticks } = axisTicks(utc(1950), utc(2050), 800);
    expect(unit).toBe('year');
    expect(ticks.map((tick) => tick.label)).toContain('2000');
    expect(ticks.every((tick) => /^\d{4}$/.test(tick.label))).toBe(true);
  });

  it('labels months across a year, with the year at January, in UTC', () => {
    const { unit, ticks } = axisTicks(utc(2020, 11), utc(2021, 11), 1000);
    expect(unit).toBe('month');
    const january = ticks.find((tick) => tick.ms === utc(2021, 1, 1));
    expect(january).toEqual({ ms: utc(2021, 1, 1), label: '2021', major: true });
    expect(ticks.find((tick) => tick.ms === utc(2021, 3, 1))?.label).toBe('Mar');
  });

  it('labels days across a fortnight', () => {
    const { unit, ticks } = axisTicks(utc(2021, 3, 1), utc(2021, 3, 8), 800);
    expect(unit).toBe('day');
    expect(ticks[0]).toMatchObject({ ms: utc(2021, 3, 1), label: '1 Mar', major: true });
    expect(ticks[1].label).toBe('2 Mar');
  });

  it('keeps ticks at least the minimum spacing apart', () => {
    for (const [from, to] of [
      [utc(2000), utc(2030)],
      [utc(2021), utc(2021, 4)],
      [utc(2021, 3), utc(2021, 3, 20)],
    ]) {
      const { ticks } = axisTicks(from, to, 600, 72);
      expect(ticks.length).toBeLessThanOrEqual(Math.ceil(600 / 72) + 1);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('returns no ticks for an empty window', () => {
    expect(axisTicks(utc(2021), utc(2021), 600).ticks).toEqual([]);
  });
});
