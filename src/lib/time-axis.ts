/**
 * Axis ticks that adapt from decades down to days, labelled in UTC with date-fns so a tick at
 * 2021-01-01 never reads "2020" in a western time zone.
 */
import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';
import { utcDay, utcMonth, utcWeek, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';

export type TickUnit = 'day' | 'week' | 'month' | 'year';

interface TickStep {
  unit: TickUnit;
  interval: CountableTimeInterval;
  step: number;
  approxMs: number;
}

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

const STEPS: TickStep[] = [
  { unit: 'day', interval: utcDay, step: 1, approxMs: DAY },
  { unit: 'day', interval: utcDay, step: 2, approxMs: 2 * DAY },
  { unit: 'week', interval: utcWeek, step: 1, approxMs: 7 * DAY },
  { unit: 'week', interval: utcWeek, step: 2, approxMs: 14 * DAY },
  { unit: 'month', interval: utcMonth, step: 1, approxMs: YEAR / 12 },
  { unit: 'month', interval: utcMonth, step: 3, approxMs: YEAR / 4 },
  { unit: 'month', interval: utcMonth, step: 6, approxMs: YEAR / 2 },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((step) => ({
    unit: 'year' as const,
    interval: utcYear,
    step,
    approxMs: step * YEAR,
  })),
];

export interface AxisTick {
  ms: number;
  label: string;
  /** A boundary of the next larger unit (a year on a month axis): drawn stronger. */
  major: boolean;
}

/** The finest step whose ticks stay at least `minSpacingPx` apart. */
function chooseStep(spanMs: number, widthPx: number, minSpacingPx: number): TickStep {
  const maxTicks = Math.max(1, Math.floor(widthPx / minSpacingPx));
  return STEPS.find((candidate) => spanMs / candidate.approxMs <= maxTicks) ?? STEPS[STEPS.length - 1];
}

function everyStep(step: TickStep): TimeInterval {
  if (step.step === 1) return step.interval;
  if (step.unit === 'year') return utcYear.every(step.step)!;
  if (step.unit === 'month') return utcMonth.every(step.step)!;
  return step.interval.filter((date) => {
    const days = Math.floor(date.getTime() / DAY);
    return step.unit === 'day' ? days % step.step === 0 : Math.floor(days / 7) % step.step === 0;
  });
}

function labelTick(ms: number, unit: TickUnit): { label: string; major: boolean } {
  const date = new UTCDate(ms);
  const startOfYear = date.getUTCMonth() === 0 && date.getUTCDate() === 1;
  switch (unit) {
    case 'year':
      return { label: format(date, 'yyyy'), major: true };
    case 'month':
      return startOfYear ? { label: format(date, 'yyyy'), major: true } : { label: format(date, 'MMM'), major: false };
    case 'week':
    case 'day':
      if (startOfYear) return { label: format(date, 'd MMM yyyy'), major: true };
      return { label: format(date, 'd MMM'), major: date.getUTCDate() === 1 };
  }
}

/** Ticks for the window `[fromMs, toMs)` on an axis `widthPx` wide. */
export function axisTicks(
  fromMs: number,
  toMs: number,
  widthPx: number,
  minSpacingPx = 72,
): { unit: TickUnit; ticks: AxisTick[] } {
  if (!(toMs > fromMs) || widthPx <= 0) return { unit: 'year', ticks: [] };
  const step = chooseStep(toMs - fromMs, widthPx, minSpacingPx);
  const interval = everyStep(step);
  const ticks = interval.range(new Date(fromMs), new Date(toMs)).map((date) => {
    const ms = date.getTime();
    return { ms, ...labelTick(ms, step.unit) };
  });
  return { unit: step.unit, ticks };
}
