import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatIncidentTime,
  overlaps,
  parseCalendarDate,
  parseIncidentTime,
  utcMs,
} from './dates.ts';
import { utc } from './test/fixtures.ts';

function date(text: string) {
  const result = parseCalendarDate(text);
  if (!result.ok) throw new Error(result.reason);
  return result.date;
}

describe('parseCalendarDate', () => {
  it.each([
    ['2021', 'year', utc(2021), utc(2022)],
    ['2021-03', 'month', utc(2021, 3), utc(2021, 4)],
    ['2021-12', 'month', utc(2021, 12), utc(2022, 1)],
    ['2021-03-02', 'day', utc(2021, 3, 2), utc(2021, 3, 3)],
    ['2020-02-29', 'day', utc(2020, 2, 29), utc(2020, 3, 1)],
    ['2021-12-31', 'day', utc(2021, 12, 31), utc(2022, 1, 1)],
  ])('parseCalendarDate(%j) covers its whole %s as a half-open UTC interval', (text, precision, start, end) => {
    const parsed = date(text);
    expect(parsed.precision).toBe(precision);
    expect(parsed.startMs).toBe(start);
    expect(parsed.endMs).toBe(end);
  });

  it('does not depend on the machine time zone (tests run under America/Los_Angeles)', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    expect(new Date(date('2021-03').startMs).getUTCMonth()).toBe(2);
    expect(new Date(date('2021-03').startMs).getMonth()).toBe(1);
  });

  it.each(['2021-02-30', '2021-13', '2021-00', '2019-02-29', '2021-04-31'])(
    'parseCalendarDate(%j) refuses a date that does not exist',
    (text) => {
      const result = parseCalendarDate(text);
      expect(result.ok).toBe(false);
    },
  );

  it.each(['21', 'March 2021', '2021/03/02', '2021-3-2', '', ' ', '2021-03-02T10:00'])(
    'parseCalendarDate(%j) refuses a non-EDTF form',
    (text) => {
      expect(parseCalendarDate(text).ok).toBe(false);
    },
  );

  it('reads EDTF qualifiers: ~ circa, ? uncertain, % both', () => {
    expect(date('2021~')).toMatchObject({ approximate: true, uncertain: false });
    expect(date('2021-03?')).toMatchObject({ approximate: false, uncertain: true });
    expect(date('2021-03-02%')).toMatchObject({ approximate: true, uncertain: true });
  });

  it('utcMs keeps years below 100 literal', () => {
    expect(new Date(utcMs(50, 1, 1)).getUTCFullYear()).toBe(50);
  });

  it('utcMs(year, month, day) agrees with Date.setUTCFullYear, overflowing months and days included', () => {
    const viaDate = (year: number, month: number, day: number) => {
      const d = new Date(0);
      d.setUTCFullYear(year, month - 1, day);
      return d.getTime();
    };
    for (const year of [-401, -1, 0, 1, 99, 100, 1582, 1899, 1900, 1970, 2000, 2020, 2021, 2100, 2400, 9999]) {
      for (let month = -13; month <= 26; month += 1) {
        for (const day of [-31, 0, 1, 15, 28, 29, 30, 31, 32, 60, 400]) {
          expect(utcMs(year, month, day), `${year}-${month}-${day}`).toBe(viaDate(year, month, day));
        }
      }
    }
  });
});

describe('parseIncidentTime', () => {
  it('combines a start and an end, each with its own precision', () => {
    const result = parseIncidentTime('2008-01', '2009');
    expect(result.ok && [result.time.startMs, result.time.endMs]).toEqual([utc(2008, 1), utc(2010)]);
  });

  it('reads an open end (..) as running on', () => {
    const result = parseIncidentTime('2022-09', '..');
    expect(result.ok && result.time.endMs).toBe(Infinity);
  });

  it('refuses an end before the start, naming the end field', () => {
    expect(parseIncidentTime('2021-05', '2021-03')).toEqual({
      ok: false,
      field: 'end',
      reason: 'end 2021-03 is before the date 2021-05',
    });
  });

  it('accepts an end inside the start period (2021 to 2021-06)', () => {
    expect(parseIncidentTime('2021-06-01', '2021-06').ok).toBe(true);
  });
});

describe('overlaps', () => {
  const year2021 = date('2021');
  it('a year-precision incident overlaps any window touching that year', () => {
    expect(overlaps(year2021.startMs, year2021.endMs, utc(2021, 12, 31), utc(2022, 3))).toBe(true);
    expect(overlaps(year2021.startMs, year2021.endMs, utc(2020, 6), utc(2021, 1, 2))).toBe(true);
  });
  it('a window that ends where the year starts does not overlap it (half-open)', () => {
    expect(overlaps(year2021.startMs, year2021.endMs, utc(2020), utc(2021))).toBe(false);
  });
});

describe('formatCalendarDate', () => {
  it.each([
    ['2017', '2017'],
    ['2021-03', 'March 2021'],
    ['2021-03-02', '2 March 2021'],
    ['2021-01-01', '1 January 2021'],
    ['2021~', 'c. 2021'],
    ['2021-03?', 'March 2021?'],
  ])('formatCalendarDate(%j) reads %j in any time zone', (text, expected) => {
    expect(formatCalendarDate(date(text))).toBe(expected);
  });

  it('formatIncidentTime shows periods and open ends', () => {
    const period = parseIncidentTime('2008-01', '2009-06');
    const open = parseIncidentTime('2022-09', '..');
    expect(period.ok && formatIncidentTime(period.time)).toBe('January 2008 – June 2009');
    expect(open.ok && formatIncidentTime(open.time)).toBe('since September 2022 (ongoing)');
  });

  it.each([
    ['2021-12-10', undefined, '10 Dec 2021'],
    ['2021-09', undefined, 'Sep 2021'],
    ['2021~', undefined, 'c. 2021'],
    ['2008-01', '2009-06', 'Jan 2008 – Jun 2009'],
    ['2022-09-03', '..', 'since 3 Sep 2022 (ongoing)'],
  ])('formatIncidentTime(%j … %j, "short") reads %j', (start, end, expected) => {
    const time = parseIncidentTime(start, end);
    expect(time.ok && formatIncidentTime(time.time, 'short')).toBe(expected);
  });
});
