/**
 * The timeline's columnar index: built once per filtered set and lane mode, read by every frame.
 * Incidents are held in time order in typed arrays (start, end, mark kind, colour, day and month
 * numbers for binning); lanes hold "entries" (an incident in a lane) as contiguous, time-ordered
 * ranges, so the visible part of a lane is found by binary search and nothing per frame walks or
 * allocates objects for the whole set.
 */
import { chronologicalPositions } from './chronological-order.ts';
import { buildDatasetIndex, datasetIndexOf, type DatasetIndex } from './dataset-index.ts';
import { techniqueColour } from './palette.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import {
  ALL_LANE,
  assignLaneCodes,
  NO_VALUE_LANE,
  type Lane,
  type LaneKeyColumn,
  type LaneMode,
} from './timeline-lanes.ts';

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

/** The per-incident columns the timeline reads, made once per dataset and copied per filtered index. */
interface TimeColumns {
  start: Float64Array;
  end: Float64Array;
  kind: Uint8Array;
  colour: Uint8Array;
  startDay: Int32Array;
  startMonth: Int32Array;
  lastDay: Int32Array;
  lastMonth: Int32Array;
}

function timeColumns(n: number): TimeColumns {
  return {
    start: new Float64Array(n),
    end: new Float64Array(n),
    kind: new Uint8Array(n),
    colour: new Uint8Array(n),
    startDay: new Int32Array(n),
    startMonth: new Int32Array(n),
    lastDay: new Int32Array(n),
    lastMonth: new Int32Array(n),
  };
}

/**
 * Incidents of a dataset in time order (start, then longer first, then id), with the columns every
 * filtered index copies from: computed once per dataset, so a filter change only selects.
 */
export interface TimeOrder extends TimeColumns {
  incidents: readonly LoadedIncident[];
  /** The dataset's columns; dataset positions index them. */
  dataset: DatasetIndex;
  /** Dataset position of each incident in time order. */
  positions: Int32Array;
  /** Time-order rank of an incident id (the lookup is made on first use: most loads never need it). */
  rankOf: (id: string) => number | undefined;
  /** Colours of `colour`. `lastDay` and `lastMonth` are set for finite ends only (open ends depend on the index's `nowMs`). */
  colours: string[];
  /** Lane keys by time rank, per lane mode, made when first asked for (`laneKeyColumn`). */
  laneKeys: Map<LaneMode, LaneKeyColumn>;
}

export function buildTimeOrder(
  incidents: readonly LoadedIncident[],
  dataset: DatasetIndex = buildDatasetIndex(incidents),
): TimeOrder {
  const n = incidents.length;
  const { startMs, endMs } = dataset;
  const ids = incidents.map((incident) => incident.id);
  const positions = chronologicalPositions(startMs, endMs, ids);
  const techniques = dataset.facets.techniques;
  const colours: string[] = [];
  const colourOfHex = new Map<string, number>();
  const colourOf = (technique: string | undefined) => {
    const hex = techniqueColour(technique);
    let c = colourOfHex.get(hex);
    if (c === undefined) colourOfHex.set(hex, (c = colours.push(hex) - 1));
    return c;
  };
  const colourOfCode = techniques.values.map(colourOf);
  const noTechnique = colourOf(undefined);

  // Read in dataset order, where the incidents lie one after another in memory: reading them in
  // time order instead (scattered) cost ~1 µs each in cache misses at 100,000.
  const kindAt = new Uint8Array(n);
  for (let i = 0; i < n; i++) kindAt[i] = markKindOf(incidents[i]);
  const sorted = new Array<LoadedIncident>(n);
  const columns = timeColumns(n);
  const { start, end, kind, colour, startDay, startMonth, lastDay, lastMonth } = columns;
  for (let k = 0; k < n; k++) {
    const p = positions[k];
    sorted[k] = incidents[p];
    start[k] = startMs[p];
    end[k] = endMs[p];
    kind[k] = kindAt[p];
    const first = techniques.offsets[p];
    colour[k] = first < techniques.offsets[p + 1] ? colourOfCode[techniques.codes[first]] : noTechnique;
    startDay[k] = Math.floor(start[k] / DAY_MS);
    startMonth[k] = monthOf(start[k]);
    if (Number.isFinite(end[k])) {
      lastDay[k] = Math.floor((end[k] - 1) / DAY_MS);
      lastMonth[k] = monthOf(end[k] - 1);
    }
  }
  let ranks: Map<string, number> | null = null;
  const rankOf = (id: string) => {
    ranks ??= new Map(Array.from(sorted, (incident, k) => [incident.id, k]));
    return ranks.get(id);
  };
  return {
    incidents: sorted,
    dataset,
    positions,
    rankOf,
    ...columns,
    colours,
    laneKeys: new Map(),
  };
}

/**
 * Lane keys by time rank under `mode` (CONTRACTS §3: the primary technique; each target country,
 * else the places' countries), from the dataset's facet columns; made once per dataset and mode.
 */
export function laneKeyColumn(order: TimeOrder, mode: LaneMode): LaneKeyColumn {
  const cached = order.laneKeys.get(mode);
  if (cached) return cached;
  const n = order.positions.length;
  const offsets = new Int32Array(n + 1);
  let column: LaneKeyColumn;
  if (mode === 'none') {
    for (let k = 0; k <= n; k++) offsets[k] = k;
    column = { keys: [ALL_LANE], offsets, codes: new Int32Array(n) };
  } else {
    const facet = order.dataset.facets[mode === 'technique' ? 'techniques' : 'countries'];
    const none = facet.values.length;
    const codes: number[] = [];
    for (let k = 0; k < n; k++) {
      offsets[k] = codes.length;
      const p = order.positions[k];
      const first = facet.offsets[p];
      const last = facet.offsets[p + 1];
      if (first === last) codes.push(none);
      else if (mode === 'technique') codes.push(facet.codes[first]);
      else for (let c = first; c < last; c++) codes.push(facet.codes[c]);
    }
    offsets[n] = codes.length;
    column = { keys: [...facet.values, NO_VALUE_LANE], offsets, codes: Int32Array.from(codes) };
  }
  order.laneKeys.set(mode, column);
  return column;
}

const ordered = new WeakMap<readonly LoadedIncident[], TimeOrder>();

/** The time order of a dataset, built once (see `datasetIndexOf`). */
export function timeOrderOf(incidents: readonly LoadedIncident[]): TimeOrder {
  let order = ordered.get(incidents);
  if (!order) ordered.set(incidents, (order = buildTimeOrder(incidents, datasetIndexOf(incidents))));
  return order;
}

/** Flags by dataset position for a subset of the dataset `order` was built from. */
export function maskOf(order: TimeOrder, subset: readonly LoadedIncident[]): Uint8Array {
  const mask = new Uint8Array(order.positions.length);
  const wanted = new Set(subset);
  for (let k = 0; k < order.incidents.length; k++) if (wanted.has(order.incidents[k])) mask[order.positions[k]] = 1;
  return mask;
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
  positionOf: { get(id: string): number | undefined };
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
