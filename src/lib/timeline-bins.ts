/**
 * Level of detail for dense stretches: incidents counted into calendar bins (days, weeks, months,
 * years) instead of drawn one by one. Counting respects precision, as the time filter does: an
 * incident *touches* every bin its period overlaps (so "2021" touches each month of 2021), and is
 * *within* a bin only when its whole period lies inside it. For the picture, an incident that
 * spans several bins is *spread* over them (1/n each): a year-precision record adds 1/12 to each
 * month, not a whole incident to every month, so imprecise dates do not swamp precise ones when
 * zoomed in. Bins are drawn as a solid bar for `within` under a faded one for `spread`. Periods
 * are added with difference arrays, so a frame costs O(visible incidents + bins) whatever their
 * lengths.
 */
import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';
import { utcMs } from './dates.ts';
import { forEachVisibleEntry, type TimelineIndex } from './timeline-index.ts';
import { DAY_MS } from './time-order.ts';

export interface BinUnit {
  unit: 'day' | 'week' | 'month' | 'year';
  step: number;
  /** Typical length, for choosing a unit. */
  approxMs: number;
}

const YEAR_MS = 365.25 * DAY_MS;
export const BIN_UNITS: readonly BinUnit[] = [
  { unit: 'day', step: 1, approxMs: DAY_MS },
  { unit: 'week', step: 1, approxMs: 7 * DAY_MS },
  { unit: 'month', step: 1, approxMs: YEAR_MS / 12 },
  { unit: 'month', step: 3, approxMs: YEAR_MS / 4 },
  { unit: 'year', step: 1, approxMs: YEAR_MS },
  ...[2, 5, 10, 25, 50, 100].map((step) => ({ unit: 'year' as const, step, approxMs: step * YEAR_MS })),
];

/** The finest unit whose bins are at least `minBinPx` wide at `msPerPx`. */
export function chooseBinUnit(msPerPx: number, minBinPx = 10): BinUnit {
  return BIN_UNITS.find((unit) => unit.approxMs / msPerPx >= minBinPx) ?? BIN_UNITS[BIN_UNITS.length - 1];
}

const floorDiv = (value: number, divisor: number) => Math.floor(value / divisor);
/** 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday. */
const weekOfDay = (day: number) => floorDiv(day + 3, 7);

function binOfParts(unit: BinUnit, day: number, month: number): number {
  switch (unit.unit) {
    case 'day':
      return floorDiv(day, unit.step);
    case 'week':
      return floorDiv(weekOfDay(day), unit.step);
    case 'month':
      return floorDiv(month, unit.step);
    case 'year':
      return floorDiv(floorDiv(month, 12), unit.step);
  }
}

/** The bin holding the UTC instant `ms`. */
export function binOfMs(unit: BinUnit, ms: number): number {
  const date = new Date(ms);
  return binOfParts(unit, Math.floor(ms / DAY_MS), date.getUTCFullYear() * 12 + date.getUTCMonth());
}

/** First millisecond of bin `bin` (UTC). */
export function binStartMs(unit: BinUnit, bin: number): number {
  const n = bin * unit.step;
  switch (unit.unit) {
    case 'day':
      return n * DAY_MS;
    case 'week':
      return (n * 7 - 3) * DAY_MS;
    case 'month':
      return utcMs(Math.floor(n / 12), (((n % 12) + 12) % 12) + 1, 1);
    case 'year':
      return utcMs(n, 1, 1);
  }
}

/** "2 March 2021", "week of 1 March 2021", "March 2021", "Q1 2021", "2021", "2020–2024". */
export function formatBin(unit: BinUnit, bin: number): string {
  const from = new UTCDate(binStartMs(unit, bin));
  switch (unit.unit) {
    case 'day':
      return format(from, 'd MMMM yyyy');
    case 'week':
      return `week of ${format(from, 'd MMMM yyyy')}`;
    case 'month':
      return unit.step === 1
        ? format(from, 'MMMM yyyy')
        : `Q${Math.floor(from.getUTCMonth() / 3) + 1} ${from.getUTCFullYear()}`;
    case 'year':
      return unit.step === 1
        ? format(from, 'yyyy')
        : `${from.getUTCFullYear()}–${from.getUTCFullYear() + unit.step - 1}`;
  }
}

export interface Histogram {
  unit: BinUnit;
  /** Bin number of `touching[0]`. */
  firstBin: number;
  /** Incidents whose period overlaps each bin. */
  touching: Int32Array;
  /** Incidents whose whole period lies inside each bin. */
  within: Int32Array;
  /** Incidents spanning several bins, each spread evenly over the bins it spans (1/n per bin). */
  spread: Float64Array;
}

/** An empty histogram over bins `[firstBin, lastBin]`. */
export function emptyHistogram(unit: BinUnit, firstBin: number, lastBin: number): Histogram {
  const size = Math.max(0, lastBin - firstBin + 1);
  return {
    unit,
    firstBin,
    touching: new Int32Array(size + 1),
    within: new Int32Array(size + 1),
    spread: new Float64Array(size + 1),
  };
}

/** Adds incident `i` of the index; call `finishHistogram` after the last one. */
export function addToHistogram(histogram: Histogram, index: TimelineIndex, i: number): void {
  const { unit, firstBin, touching, within, spread } = histogram;
  const size = touching.length - 1;
  const first = binOfParts(unit, index.startDay[i], index.startMonth[i]) - firstBin;
  const last = binOfParts(unit, index.lastDay[i], index.lastMonth[i]) - firstBin;
  if (last < 0 || first >= size) return;
  // Difference arrays: add where the period enters the range, subtract after it leaves.
  touching[Math.max(0, first)]++;
  touching[Math.min(size, last + 1)]--;
  if (first === last) {
    within[first]++;
    return;
  }
  const share = 1 / (last - first + 1);
  spread[Math.max(0, first)] += share;
  spread[Math.min(size, last + 1)] -= share;
}

/** Turns the difference arrays into counts. */
export function finishHistogram(histogram: Histogram): Histogram {
  const { touching, spread } = histogram;
  for (let b = 1; b < touching.length; b++) {
    touching[b] += touching[b - 1];
    spread[b] += spread[b - 1];
  }
  return histogram;
}

/** What a bin's bar shows: incidents within it plus its share of those spread over it. */
export function binWeight(histogram: Histogram, b: number): number {
  return histogram.within[b] + Math.max(0, histogram.spread[b]);
}

/** Bins of one lane covering `[fromMs, toMs)`, counting only incidents that touch the window. */
export function laneHistogram(
  index: TimelineIndex,
  lane: number,
  unit: BinUnit,
  fromMs: number,
  toMs: number,
): Histogram {
  const histogram = emptyHistogram(unit, binOfMs(unit, fromMs), binOfMs(unit, toMs - 1));
  forEachVisibleEntry(index, lane, fromMs, toMs, (entry) =>
    addToHistogram(histogram, index, index.entryIncident[entry]),
  );
  return finishHistogram(histogram);
}

/** Bins of all incidents of the index (each once, whatever its lanes) over `[fromMs, toMs)`. */
export function incidentHistogram(index: TimelineIndex, unit: BinUnit, fromMs: number, toMs: number): Histogram {
  const histogram = emptyHistogram(unit, binOfMs(unit, fromMs), binOfMs(unit, toMs - 1));
  for (let i = 0; i < index.incidents.length; i++) {
    if (index.start[i] < toMs && index.end[i] > fromMs) addToHistogram(histogram, index, i);
  }
  return finishHistogram(histogram);
}

/** The largest bin weight of a lane, over its whole time range: a zoom- and pan-stable scale. */
export function laneBinMax(index: TimelineIndex, lane: number, unit: BinUnit): number {
  const from = index.laneOffsets[lane];
  const to = index.laneOffsets[lane + 1];
  if (from === to) return 0;
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (let e = from; e < to; e++) {
    const i = index.entryIncident[e];
    fromMs = Math.min(fromMs, index.start[i]);
    toMs = Math.max(toMs, Number.isFinite(index.end[i]) ? index.end[i] : Math.max(index.nowMs, index.start[i] + 1));
  }
  const histogram = laneHistogram(index, lane, unit, fromMs, toMs);
  let max = 0;
  for (let b = 0; b < histogram.touching.length - 1; b++) max = Math.max(max, binWeight(histogram, b));
  return max;
}
