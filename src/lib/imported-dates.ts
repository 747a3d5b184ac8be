/**
 * Dates as they arrive in users' files, turned into EDTF strings that keep the precision the value
 * actually has: ISO days, months and years; ISO date-times (kept to the UTC day, with a notice);
 * epoch seconds or milliseconds; four-digit integers as years. Day/month orders that cannot be told
 * apart (`03/02/2021`) are refused here; the column-mapping dialog lets the user choose.
 */
import { formatIsoDay, parseCalendarDate } from './dates.ts';

export type ImportedDateResult = { ok: true; value: string; notice?: string } | { ok: false; reason: string };

/** Day/month order for slash or dot dates, chosen by the user when a file's dates are ambiguous. */
export type DayMonthOrder = 'day-first' | 'month-first';

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
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

function fromSlashed(day: number, month: number, year: number, text: string): ImportedDateResult {
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseCalendarDate(iso).ok
    ? { ok: true, value: iso }
    : { ok: false, reason: `"${text}" is not a real calendar date` };
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
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if (order === 'day-first') return fromSlashed(first, second, year, text);
    if (order === 'month-first') return fromSlashed(second, first, year, text);
    if (first > 12) return fromSlashed(first, second, year, text);
    if (second > 12) return fromSlashed(second, first, year, text);
    return { ok: false, reason: `"${text}" could be day/month or month/day; choose the order in the column mapping` };
  }
  return { ok: false, reason: `"${text}" is not a date like 2021, 2021-03 or 2021-03-02` };
}
