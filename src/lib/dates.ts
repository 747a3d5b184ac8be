/**
 * Calendar dates with precision, after EDTF level 1 (`2021`, `2021-03`, `2021-03-02`, with `~`
 * circa, `?` uncertain, `%` both). A date is never a `Date` instant parsed from a string: it is a
 * half-open UTC interval `[startMs, endMs)` covering its whole precision, so `2021` spans the year.
 */
import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';

export type DatePrecision = 'year' | 'month' | 'day';

export interface CalendarDate {
  year: number;
  /** 1–12 when precision is month or day. */
  month?: number;
  /** 1–31 when precision is day. */
  day?: number;
  precision: DatePrecision;
  /** EDTF `~`: "circa". */
  approximate: boolean;
  /** EDTF `?`: the value itself is in doubt. */
  uncertain: boolean;
  /** First millisecond covered (UTC). */
  startMs: number;
  /** First millisecond after the period (UTC, exclusive). */
  endMs: number;
}

/** The pattern a date field must match; also published in the JSON Schema. */
export const EDTF_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?[~?%]?$';
/** An `end` may also be open (`..`): the period is still running. */
export const EDTF_END_PATTERN = '^(\\.\\.|\\d{4}(-\\d{2}(-\\d{2})?)?[~?%]?)$';
export const OPEN_END = '..';

const EDTF_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$/;

export type DateParseResult = { ok: true; date: CalendarDate } | { ok: false; reason: string };

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return Math.round((utcMs(year, month + 1, 1) - utcMs(year, month, 1)) / DAY_MS);
}

/** Parses an EDTF day, month or year string into a calendar date with its interval. */
export function parseCalendarDate(text: string): DateParseResult {
  const match = EDTF_DATE.exec(text.trim());
  if (!match) {
    return { ok: false, reason: `"${text}" is not a date like 2021, 2021-03 or 2021-03-02` };
  }
  const [, yearText, monthText, dayText, qualifier] = match;
  const year = Number(yearText);
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  if (month !== undefined && (month < 1 || month > 12)) {
    return { ok: false, reason: `month ${monthText} in "${text}" does not exist` };
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return { ok: false, reason: `"${text}" is not a real calendar date` };
  }
  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  const startMs = utcMs(year, month ?? 1, day ?? 1);
  const endMs =
    precision === 'day'
      ? utcMs(year, month!, day! + 1)
      : precision === 'month'
        ? utcMs(year, month! + 1, 1)
        : utcMs(year + 1, 1, 1);
  return {
    ok: true,
    date: {
      year,
      month,
      day,
      precision,
      approximate: qualifier === '~' || qualifier === '%',
      uncertain: qualifier === '?' || qualifier === '%',
      startMs,
      endMs,
    },
  };
}

/**
 * Epoch ms of a UTC calendar day (proleptic Gregorian), by arithmetic (Howard Hinnant's
 * days-from-civil): no `Date` per call, which parsing 100,000 records felt. Overflowing months and
 * days roll over as `Date.setUTCFullYear` would, and unlike `Date.UTC` years 0–99 stay literal.
 */
export function utcMs(year: number, month: number, day: number): number {
  const yearShift = Math.floor((month - 1) / 12);
  const m = month - 12 * yearShift;
  const y = year + yearShift - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468 + day - 1) * DAY_MS;
}

/** When an incident happened: its anchor date and, for periods, an end (or an open end). */
export interface IncidentTime {
  start: CalendarDate;
  /** Absent for a single date; `'open'` for a period still running. */
  end?: CalendarDate | 'open';
  startMs: number;
  /** Exclusive; `Infinity` for an open end. */
  endMs: number;
}

export type TimeParseResult = { ok: true; time: IncidentTime } | { ok: false; field: 'date' | 'end'; reason: string };

/** Combines `date` and optional `end` into one interval; the end must not precede the start. */
export function parseIncidentTime(date: string, end?: string | null): TimeParseResult {
  const start = parseCalendarDate(date);
  if (!start.ok) return { ok: false, field: 'date', reason: start.reason };
  if (end === undefined || end === null || end === '') {
    return { ok: true, time: { start: start.date, startMs: start.date.startMs, endMs: start.date.endMs } };
  }
  if (end.trim() === OPEN_END) {
    return { ok: true, time: { start: start.date, end: 'open', startMs: start.date.startMs, endMs: Infinity } };
  }
  const stop = parseCalendarDate(end);
  if (!stop.ok) return { ok: false, field: 'end', reason: stop.reason };
  if (stop.date.endMs < start.date.endMs) {
    return { ok: false, field: 'end', reason: `end ${end} is before the date ${date}` };
  }
  return {
    ok: true,
    time: { start: start.date, end: stop.date, startMs: start.date.startMs, endMs: stop.date.endMs },
  };
}

/** Whether `[startMs, endMs)` touches the window `[fromMs, toMs)`. */
export function overlaps(startMs: number, endMs: number, fromMs: number, toMs: number): boolean {
  return startMs < toMs && endMs > fromMs;
}

/** `long` spells months out ("2 March 2021"); `short` abbreviates them ("2 Mar 2021"), for narrow columns. */
export type DateStyle = 'long' | 'short';

const PATTERN_BY_PRECISION: Record<DateStyle, Record<DatePrecision, string>> = {
  long: { year: 'yyyy', month: 'MMMM yyyy', day: 'd MMMM yyyy' },
  short: { year: 'yyyy', month: 'MMM yyyy', day: 'd MMM yyyy' },
};

/** "2017", "March 2021", "2 March 2021"; "c. 2017" when approximate, "2017?" when uncertain. */
export function formatCalendarDate(date: CalendarDate, style: DateStyle = 'long'): string {
  const text = format(new UTCDate(date.startMs), PATTERN_BY_PRECISION[style][date.precision]);
  return `${date.approximate ? 'c. ' : ''}${text}${date.uncertain ? '?' : ''}`;
}

/** A period reads "March 2021 – June 2022"; an open one "since March 2021". */
export function formatIncidentTime(time: IncidentTime, style: DateStyle = 'long'): string {
  const start = formatCalendarDate(time.start, style);
  if (time.end === undefined) return start;
  if (time.end === 'open') return `since ${start} (ongoing)`;
  return `${start} – ${formatCalendarDate(time.end, style)}`;
}

/** The precision in words, for screen readers and the legend. */
export function describePrecision(date: CalendarDate): string {
  const circa = date.approximate ? ', approximate' : '';
  const doubt = date.uncertain ? ', uncertain' : '';
  return `known to the ${date.precision}${circa}${doubt}`;
}

/** An ISO day (`2021-03-02`) for a UTC epoch ms, for URLs and exports. */
export function formatIsoDay(ms: number): string {
  return format(new UTCDate(ms), 'yyyy-MM-dd');
}
