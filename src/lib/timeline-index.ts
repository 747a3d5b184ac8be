/**
 * The timeline's columnar index: built once per filtered set and lane mode, read by every frame.
 * Incidents are held in time order in typed arrays (start, end, mark kind, colour, day and month
 * numbers for binning, copied from the dataset's time order: time-order.ts); lanes hold "entries"
 * (an incident in a lane) as contiguous, time-ordered ranges, so the visible part of a lane is
 * found by binary search and nothing per frame walks or allocates objects for the whole set.
 */
import type { LoadedIncident } from './parse-incidents.ts';
import { DAY_MS, laneKeyColumn, maskOf, monthOf, timeColumns, type TimeOrder } from './time-order.ts';
import { assignLaneCodes, type Lane, type LaneMode } from './timeline-lanes.ts';

/** Entries lasting longer than this are "long": scanned apart from the binary-searched short ones. */
export const LONG_MS = 400 * DAY_MS;

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
  positionOf: { get(id: string): number | undefined };
  /** Where open ends stop when counted (the extent's end). */
  nowMs: number;
}

/**
 * The index for the incidents flagged in `filtered` (by dataset position; or a subset of the
 * dataset `order` was built from) grouped by `mode`. O(n): the columns are copied from the order,
 * nothing is sorted and no string is touched but the lane keys.
 */
export function buildTimelineIndex(
  order: TimeOrder,
  filtered: Uint8Array | readonly LoadedIncident[],
  mode: LaneMode,
  nowMs: number,
): TimelineIndex {
  const mask = filtered instanceof Uint8Array ? filtered : maskOf(order, filtered);
  const total = order.incidents.length;
  // Time-order ranks of the kept incidents, and each rank's position among them (or -1).
  const kept = new Int32Array(total);
  const filteredRank = new Int32Array(total).fill(-1);
  let n = 0;
  for (let k = 0; k < total; k++) {
    if (mask[order.positions[k]] !== 1) continue;
    filteredRank[k] = n;
    kept[n++] = k;
  }
  const incidents = new Array<LoadedIncident>(n);
  for (let i = 0; i < n; i++) incidents[i] = order.incidents[kept[i]];
  const members = kept.subarray(0, n);
  const keyColumn = laneKeyColumn(order, mode);
  const { lanes, laneOfCode } = assignLaneCodes(keyColumn, members, mode);

  const columns = timeColumns(n);
  const { start, end, kind, colour, startDay, startMonth, lastDay, lastMonth } = columns;
  const positionOf = {
    get: (id: string) => {
      const rank = order.rankOf(id);
      const position = rank === undefined ? -1 : filteredRank[rank];
      return position === -1 ? undefined : position;
    },
  };
  // Lanes of each incident, flat: incident i is in lanes `laneList[laneStart[i] … laneStart[i + 1])`.
  const laneStart = new Int32Array(n + 1);
  const laneList: number[] = [];
  const laneSizes = new Int32Array(lanes.length);

  for (let i = 0; i < n; i++) {
    const k = kept[i];
    start[i] = order.start[k];
    end[i] = order.end[k];
    kind[i] = order.kind[k];
    colour[i] = order.colour[k];
    startDay[i] = order.startDay[k];
    startMonth[i] = order.startMonth[k];
    if (Number.isFinite(end[i])) {
      lastDay[i] = order.lastDay[k];
      lastMonth[i] = order.lastMonth[k];
    } else {
      const lastMs = Math.max(nowMs, start[i] + 1) - 1;
      lastDay[i] = Math.floor(lastMs / DAY_MS);
      lastMonth[i] = monthOf(lastMs);
    }
    laneStart[i] = laneList.length;
    // Two folded keys of one incident are one entry in "Other".
    for (let c = keyColumn.offsets[k]; c < keyColumn.offsets[k + 1]; c++) {
      const lane = laneOfCode[keyColumn.codes[c]];
      let seen = false;
      for (let j = laneStart[i]; j < laneList.length; j++) if (laneList[j] === lane) seen = true;
      if (seen) continue;
      laneList.push(lane);
      laneSizes[lane]++;
    }
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
    ...columns,
    colours: order.colours,
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
