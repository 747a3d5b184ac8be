import { describe, expect, it } from 'vitest';
import { inferDayMonthOrder, readImportedDate } from './imported-dates.ts';

describe('readImportedDate', () => {
  it.each([
    ['2021', '2021'],
    ['2021-03', '2021-03'],
    ['2021-03-02', '2021-03-02'],
    [2021, '2021'],
    ['1987', '1987'],
  ])('readImportedDate(%j) keeps its precision as %j', (value, expected) => {
    expect(readImportedDate(value)).toEqual({ ok: true, value: expected });
  });

  it('keeps an ISO date-time to its UTC day, with a notice', () => {
    expect(readImportedDate('2021-03-02T23:30:00-05:00')).toEqual({
      ok: true,
      value: '2021-03-03',
      notice: 'date-time "2021-03-02T23:30:00-05:00" kept to the day 2021-03-03 (UTC)',
    });
    expect(readImportedDate('2021-03-02 10:00')).toMatchObject({ ok: true, value: '2021-03-02' });
  });

  it('reads epoch seconds and milliseconds as UTC days', () => {
    expect(readImportedDate(1614643200)).toMatchObject({ ok: true, value: '2021-03-02' });
    expect(readImportedDate('1614643200000')).toMatchObject({ ok: true, value: '2021-03-02' });
  });

  it('tells day/month apart only when it can, or when the order is given', () => {
    expect(readImportedDate('25/12/2021')).toEqual({ ok: true, value: '2021-12-25' });
    expect(readImportedDate('03/02/2021')).toMatchObject({ ok: false });
    expect(readImportedDate('03/02/2021', 'day-first')).toEqual({ ok: true, value: '2021-02-03' });
    expect(readImportedDate('03/02/2021', 'month-first')).toEqual({ ok: true, value: '2021-03-02' });
  });

  it.each(['', 'soon', '2021-02-30', '31/02/2021', 12, Number.NaN, null])(
    'readImportedDate(%j) is refused with a reason',
    (value) => {
      const result = readImportedDate(value);
      expect(result.ok).toBe(false);
      expect(result.ok || result.reason.length > 0).toBe(true);
    },
  );

  it.each([
    ['2021/03/02', '2021-03-02'],
    ['2021.3.2', '2021-03-02'],
    ['2 March 2021', '2021-03-02'],
    ['02-Mar-2021', '2021-03-02'],
    ['2nd Sept 2021', '2021-09-02'],
    ['March 2, 2021', '2021-03-02'],
    ['Mar 2 2021', '2021-03-02'],
    ['March 2021', '2021-03'],
    ['Mar-2021', '2021-03'],
    ['03/03/2021', '2021-03-03'],
  ])('reads the spreadsheet form %j as %j, keeping its precision', (value, expected) => {
    expect(readImportedDate(value)).toEqual({ ok: true, value: expected });
  });

  it('keeps a spreadsheet date-time to its day, with a notice', () => {
    expect(readImportedDate('25/12/2021 14:30')).toEqual({
      ok: true,
      value: '2021-12-25',
      notice: 'date-time "25/12/2021 14:30" kept to the day 2021-12-25',
    });
  });

  it.each(['Ma 2021', 'Foo 2 2021', '30 February 2021', '13/13/2021'])('refuses %j', (value) => {
    expect(readImportedDate(value).ok).toBe(false);
  });

  it('refuses a value that contradicts the chosen order', () => {
    expect(readImportedDate('12/25/2021', 'day-first')).toMatchObject({ ok: false });
  });
});

describe('inferDayMonthOrder', () => {
  it('reads day-first from a value like 25/12/2021 among ambiguous ones', () => {
    expect(inferDayMonthOrder(['03/02/2021', '25/12/2021', '2021-05-01'])).toEqual({
      order: 'day-first',
      ambiguousExample: '03/02/2021',
      dayFirstExample: '25/12/2021',
    });
  });

  it('reads month-first from a value like 12/25/2021', () => {
    expect(inferDayMonthOrder(['12/25/2021', '03/02/2021']).order).toBe('month-first');
  });

  it('infers nothing when the values disagree or none settles it', () => {
    expect(inferDayMonthOrder(['25/12/2021', '12/25/2021']).order).toBeUndefined();
    expect(inferDayMonthOrder(['03/02/2021', 7, null])).toEqual({ ambiguousExample: '03/02/2021' });
  });
});
