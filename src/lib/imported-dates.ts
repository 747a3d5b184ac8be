/**
 * Dates as they arrive in users' files, turned into EDTF strings that keep the precision the value
 * actually has: ISO days, months and years; ISO date-times (kept to the UTC day, with a notice);
 * epoch seconds or milliseconds; four-digit integers as years; and common spreadsheet forms
 * (`2021/03/02`, `2 March 2021`, `Mar 2021`, `02-Mar-2021`, `March 2, 2021`). Day/month orders
 * that cannot be told apart (`03/02/2021`) are refused here unless an order is given: the
 * column-mapping dialog lets the user choose, and `inferDayMonthOrder` reads it from a column.
 */
import { formatIsoDay, parseCalendarDate } from './dates.ts';

export type ImportedDateResult = { ok: true; value: string; notice?: string } | { ok: false; reason: string };

/** Day/month order for slash or dot dates, chosen by the user when a file's dates are ambiguous. */
export type DayMonthOrder = 'day-first' | 'month-first';

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** `03/02/2021`, `3.2.2021`, optionally followed by a time as spreadsheets export it. */
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})([ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)?$/;
/** `2021/03/02` or `2021.3.2`: year first is never ambiguous. */
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
/** `2 March 2021`, `02-Mar-2021`, `2. März 2021` is not attempted: English month names only. */
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([A-Za-z]+)\.?[\s,.-]+(\d{4})$/;
/** `March 2, 2021`, `Mar 2 2021`. */
const MONTH_NAME_DAY = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
/** `March 2021`, `Mar-2021`. */
const MONTH_NAME_YEAR = /^([A-Za-z]+)\.?[\s,-]+(\d{4})$/;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1–12 for an English month name or an abbreviation of at least three letters (`Mar`, `Sept`). */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** Epoch values outside 1900–2200 are more likely a typo than a date. */
const EPOCH_MIN_MS = Date.UTC(1900, 0, 1);
const EPOCH_MAX_MS = Date.UTC(2200, 0, 1);

function fromEpochMs(ms: number, unit: string): ImportedDateResult {
  if (ms < EPOCH_MIN_MS || ms > EPOCH_MAX_MS) {
    return { ok: false, reason: `${unit} value is outside the years 1900–2200` };
  }
  return { ok: true, value: formatIsoDay(ms), notice: `epoch ${unit} read as the UTC day ${formatIsoDay(ms)}` };
}

function fromNumber(value: number): ImportedDateResult {
  if (!Number.isFinite(value)) return { ok: false, reason: `${value} is not a date` };
  if (Number.isInteger(value) && value >= 1000 && value <= 9999) return { ok: true, value: String(value) };
  // Epoch seconds reach 10 digits from 2001; milliseconds have 12–13 digits in the supported range.
  if (Math.abs(value) >= 1e11) return fromEpochMs(value, 'milliseconds');
  if (Math.abs(value) >= 1e8) return fromEpochMs(value * 1000, 'seconds');
  return { ok: false, reason: `${value} is neither a year nor an epoch time` };
}

function fromParts(year: number, month: number, day: number | undefined, text: string): ImportedDateResult {
  const iso = `${year}-${String(month).padStart(2, '0')}${day === undefined ? '' : `-${String(day).padStart(2, '0')}`}`;
  return parseCalendarDate(iso).ok
    ? { ok: true, value: iso }
    : { ok: false, reason: `"${text}" is not a real calendar date` };
}

/** A date with a named month, or null when the text is not one. */
function fromMonthName(text: string): ImportedDateResult | null {
  let match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = monthNumber(match[2]);
    return month === undefined ? null : fromParts(Number(match[3]), month, Number(match[1]), text);
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = monthNumber(match[1]);
    return month === undefined ? null : fromParts(Number(match[3]), month, Number(match[2]), text);
  }
  match = MONTH_NAME_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[1]);
    return month === undefined ? null : fromParts(Number(match[2]), month, undefined, text);
  }
  return null;
}

function withTimeNotice(result: ImportedDateResult, text: string, hasTime: boolean): ImportedDateResult {
  return result.ok && hasTime ? { ...result, notice: `date-time "${text}" kept to the day ${result.value}` } : result;
}

/** Reads one imported date value; `order` resolves `03/02/2021`-style values when the user chose one. */
export function readImportedDate(value: unknown, order?: DayMonthOrder): ImportedDateResult {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'a date is required' };
  const text = value.trim();
  if (parseCalendarDate(text).ok) return { ok: true, value: text };
  const dateTime = ISO_DATE_TIME.exec(text);
  if (dateTime) {
    const hasZone = dateTime[4] !== undefined;
    const day = hasZone ? formatIsoDay(Date.parse(text.replace(' ', 'T'))) : dateTime[1];
    return { ok: true, value: day, notice: `date-time "${text}" kept to the day ${day} (UTC)` };
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text));
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return fromParts(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]), text);
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    const hasTime = slashed[4] !== undefined;
    // 03/03/2021 reads the same either way.
    const dayFirst = order === 'day-first' || (order === undefined && (first > 12 || first === second));
    const monthFirst = order === 'month-first' || (order === undefined && second > 12 && first <= 12);
    if (dayFirst) return withTimeNotice(fromParts(year, second, first, text), text, hasTime);
    if (monthFirst) return withTimeNotice(fromParts(year, first, second, text), text, hasTime);
    return { ok: false, reason: `"${text}" could be day/month or month/day; choose the order in the column mapping` };
  }
  const named = fromMonthName(text);
  if (named) return named;
  return { ok: false, reason: `"${text}" is not a date like 2021, 2021-03 or 2021-03-02` };
}

export interface DayMonthEvidence {
  /** The order the column's unambiguous values show, if they agree. */
  order?: DayMonthOrder;
  /** A value that could be read either way, when the column has any. */
  ambiguousExample?: string;
  /** A value that only reads day-first (e.g. `25/12/2021`), if any. */
  dayFirstExample?: string;
  /** A value that only reads month-first (e.g. `12/25/2021`), if any. */
  monthFirstExample?: string;
}

/**
 * Reads the day/month order from a column's values: `25/12/2021` shows day-first, `12/25/2021`
 * month-first. When both appear, no order is inferred and the user must choose.
 */
export function inferDayMonthOrder(values: Iterable<unknown>): DayMonthEvidence {
  const evidence: DayMonthEvidence = {};
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first > 12 && second <= 12) evidence.dayFirstExample ??= value.trim();
    else if (second > 12 && first <= 12) evidence.monthFirstExample ??= value.trim();
    else if (first !== second && first <= 12 && second <= 12) evidence.ambiguousExample ??= value.trim();
  }
  if (evidence.dayFirstExample && !evidence.monthFirstExample) evidence.order = 'day-first';
  if (evidence.monthFirstExample && !evidence.dayFirstExample) evidence.order = 'month-first';
  return evidence;
}
