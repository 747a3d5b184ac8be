/**
 * The timeline's columnar index: built once per filtered set and lane mode, read by every frame.
 * Incidents are held in time order in typed arrays (start, end, mark kind, colour, day and month
 * numbers for binning); lanes hold "entries" (an incident in a lane) as contiguous, time-ordered
 * ranges, so the visible part of a lane is found by binary search and nothing per frame walks or
 * allocates objects for the whole set.
 */
import { techniqueColour } from './palette.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { assignLanes, forEachLaneKey, type Lane, type LaneMode } from './timeline-lanes.ts';

export const DAY_MS = 86_400_000;
/** Entries lasting longer than this are "long": scanned apart from the binary-searched short ones. */
export const LONG_MS = 400 * DAY_MS;

export const MARK_POINT = 0;
export const MARK_SPAN = 1;
export const MARK_BAR = 2;
/** Point: known to the day. Span: known only to the month or year. Bar: a period with an end. */
export type MarkKind = typeof MARK_POINT | typeof MARK_SPAN | typeof MARK_BAR;

export function markKindOf(incident: LoadedIncident): MarkKind {
  if (incident.time.end !== undefined) return MARK_BAR;
  return incident.time.start.precision === 'day' ? MARK_POINT : MARK_SPAN;
}

/** Incidents of a dataset in time order (start, then longer first, then id): computed once per dataset. */
export interface TimeOrder {
  incidents: readonly LoadedIncident[];
  position: Map<LoadedIncident, number>;
}

export function buildTimeOrder(incidents: readonly LoadedIncident[]): TimeOrder {
  const sorted = [...incidents].sort(
    (a, b) =>
      a.time.startMs - b.time.startMs || b.time.endMs - a.time.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { incidents: sorted, position: new Map(sorted.map((incident, i) => [incident, i])) };
}

export interface TimelineIndex {
  mode: LaneMode;
  lanes: Lane[];
  /** The filtered incidents in time order; the columns below are indexed like this array. */
  incidents: readonly LoadedIncident[];
  start: Float64Array;
  /** Exclusive end; `Infinity` for an open end. */
  end: Float64Array;
  kind: Uint8Array;
  /** Index into `colours` (the primary technique's colour). */
  colour: Uint8Array;
  colours: string[];
  /** Whole UTC days since 1970 of the first and of the last millisecond (open ends: of `nowMs`). */
  startDay: Int32Array;
  lastDay: Int32Array;
  /** Months since year 0 (`year * 12 + month - 1`) of the first and the last millisecond. */
  startMonth: Int32Array;
  lastMonth: Int32Array;
  /** Entries: an incident in a lane. Lane `l` holds entries `[laneOffsets[l], laneOffsets[l + 1])`, in time order. */
  entryIncident: Int32Array;
  entryLane: Uint16Array;
  laneOffsets: Int32Array;
  /** Long entries (see `LONG_MS`) of lane `l`: `longEntries[longOffsets[l] … longOffsets[l + 1])`, in time order. */
  longEntries: Int32Array;
  longOffsets: Int32Array;
  /** The first entry of each incident (its first lane) and the next entry of the same incident, or -1. */
  firstEntry: Int32Array;
  nextEntry: Int32Array;
  /** Position in `incidents` by id. */
  positionOf: Map<string, number>;
  /** Where open ends stop when counted (the extent's end). */
  nowMs: number;
}

/**
 * `year * 12 + month - 1` of a UTC instant, by arithmetic rather than a `Date` per call (Howard
 * Hinnant's days-to-civil algorithm, proleptic Gregorian).
 */
export function monthOf(ms: number): number {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/**
 * The index for `filtered` (a subset of the dataset `order` was built from) grouped by `mode`.
 * O(n) apart from one pass of string lane keys: no sort, the dataset order is reused.
 */
export function buildTimelineIndex(
  order: TimeOrder,
  filtered: readonly LoadedIncident[],
  mode: LaneMode,
  nowMs: number,
): TimelineIndex {
  const keep = new Uint8Array(order.incidents.length);
  for (const incident of filtered) {
    const position = order.position.get(incident);
    if (position !== undefined) keep[position] = 1;
  }
  const incidents = order.incidents.filter((_, i) => keep[i] === 1);
  const n = incidents.length;
  const { lanes, laneOfKey } = assignLanes(incidents, mode);

  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const kind = new Uint8Array(n);
  const colour = new Uint8Array(n);
  const startDay = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const startMonth = new Int32Array(n);
  const lastMonth = new Int32Array(n);
  const colours: string[] = [];
  const colourOfTechnique = new Map<string | undefined, number>();
  const positionOf = new Map<string, number>();
  // Lanes of each incident, flat: incident i is in lanes `laneList[laneStart[i] … laneStart[i + 1])`.
  const laneStart = new Int32Array(n + 1);
  const laneList: number[] = [];
  const laneSizes = new Int32Array(lanes.length);
  let current = 0;
  const addLane = (key: string) => {
    const lane = laneOfKey.get(key)!;
    for (let k = laneStart[current]; k < laneList.length; k++) if (laneList[k] === lane) return;
    laneList.push(lane);
    laneSizes[lane]++;
  };

  for (let i = 0; i < n; i++) {
    const incident = incidents[i];
    const { startMs, endMs } = incident.time;
    start[i] = startMs;
    end[i] = endMs;
    kind[i] = markKindOf(incident);
    let c = colourOfTechnique.get(incident.techniques[0]);
    if (c === undefined) {
      const hex = techniqueColour(incident.techniques[0]);
      c = colours.indexOf(hex);
      if (c === -1) c = colours.push(hex) - 1;
      colourOfTechnique.set(incident.techniques[0], c);
    }
    colour[i] = c;
    const lastMs = (Number.isFinite(endMs) ? endMs : Math.max(nowMs, startMs + 1)) - 1;
    startDay[i] = Math.floor(startMs / DAY_MS);
    lastDay[i] = Math.floor(lastMs / DAY_MS);
    startMonth[i] = monthOf(startMs);
    lastMonth[i] = monthOf(lastMs);
    positionOf.set(incident.id, i);
    current = i;
    laneStart[i] = laneList.length;
    forEachLaneKey(incident, mode, addLane);
  }
  laneStart[n] = laneList.length;

  // Counting sort of entries by lane; within a lane they stay in time order.
  const laneOffsets = new Int32Array(lanes.length + 1);
  for (let l = 0; l < lanes.length; l++) laneOffsets[l + 1] = laneOffsets[l] + laneSizes[l];
  const entryCount = laneOffsets[lanes.length];
  const entryIncident = new Int32Array(entryCount);
  const entryLane = new Uint16Array(entryCount);
  const firstEntry = new Int32Array(n).fill(-1);
  const nextEntry = new Int32Array(entryCount).fill(-1);
  const fill = laneOffsets.slice(0, lanes.length);
  const lastEntryOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let k = laneStart[i]; k < laneStart[i + 1]; k++) {
      const lane = laneList[k];
      const e = fill[lane]++;
      entryIncident[e] = i;
      entryLane[e] = lane;
      if (firstEntry[i] === -1) firstEntry[i] = e;
      else nextEntry[lastEntryOf[i]] = e;
      lastEntryOf[i] = e;
    }
  }

  const longList: number[] = [];
  const longOffsets = new Int32Array(lanes.length + 1);
  for (let l = 0; l < lanes.length; l++) {
    for (let e = laneOffsets[l]; e < laneOffsets[l + 1]; e++) {
      const i = entryIncident[e];
      if (end[i] - start[i] > LONG_MS) longList.push(e);
    }
    longOffsets[l + 1] = longList.length;
  }

  return {
    mode,
    lanes,
    incidents,
    start,
    end,
    kind,
    colour,
    colours,
    startDay,
    lastDay,
    startMonth,
    lastMonth,
    entryIncident,
    entryLane,
    laneOffsets,
    longEntries: Int32Array.from(longList),
    longOffsets,
    firstEntry,
    nextEntry,
    positionOf,
    nowMs,
  };
}

/** The first entry of lane `lane` whose incident starts at or after `ms` (binary search). */
export function lowerBoundInLane(index: TimelineIndex, lane: number, ms: number): number {
  let lo = index.laneOffsets[lane];
  let hi = index.laneOffsets[lane + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.start[index.entryIncident[mid]] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether entry `e` is long (scanned from `longEntries` rather than binary-searched). */
export function isLongEntry(index: TimelineIndex, e: number): boolean {
  const i = index.entryIncident[e];
  return index.end[i] - index.start[i] > LONG_MS;
}

/**
 * Calls `visit` for each entry of `lane` whose period touches `[fromMs, toMs)`: the short ones
 * found by binary search (in time order), then the long ones.
 */
export function forEachVisibleEntry(
  index: TimelineIndex,
  lane: number,
  fromMs: number,
  toMs: number,
  visit: (entry: number) => void,
): void {
  const { start, end, entryIncident } = index;
  const last = lowerBoundInLane(index, lane, toMs);
  for (let e = lowerBoundInLane(index, lane, fromMs - LONG_MS); e < last; e++) {
    const i = entryIncident[e];
    if (end[i] > fromMs && end[i] - start[i] <= LONG_MS) visit(e);
  }
  for (let k = index.longOffsets[lane]; k < index.longOffsets[lane + 1]; k++) {
    const e = index.longEntries[k];
    const i = entryIncident[e];
    if (start[i] < toMs && end[i] > fromMs) visit(e);
  }
}

/**
 * How many entries of a lane start inside the window: a density measure in O(log n) for choosing
 * between marks and bins (what started earlier and still runs is mostly drawn as context).
 */
export function countStartingIn(index: TimelineIndex, lane: number, fromMs: number, toMs: number): number {
  return lowerBoundInLane(index, lane, toMs) - lowerBoundInLane(index, lane, fromMs);
}

/** The entry of incident `position` in lane `lane`, or its first entry when it is not in that lane. */
export function entryInLane(index: TimelineIndex, position: number, lane: number): number {
  for (let e = index.firstEntry[position]; e !== -1; e = index.nextEntry[e]) {
    if (index.entryLane[e] === lane) return e;
  }
  return index.firstEntry[position];
}
