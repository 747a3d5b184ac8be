/**
 * A dataset's incidents in time order, with the per-incident columns every timeline index copies
 * from (start, end, mark kind, colour, day and month numbers): computed once per dataset, so a
 * filter or lane change only selects (`buildTimelineIndex` in timeline-index.ts).
 */
import { chronologicalPositions } from './chronological-order.ts';
import { buildDatasetIndex, datasetIndexOf, type DatasetIndex } from './dataset-index.ts';
import { techniqueColour } from './palette.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { ALL_LANE, NO_VALUE_LANE, type LaneKeyColumn, type LaneMode } from './timeline-lanes.ts';

export const DAY_MS = 86_400_000;

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
export interface TimeColumns {
  start: Float64Array;
  end: Float64Array;
  kind: Uint8Array;
  colour: Uint8Array;
  startDay: Int32Array;
  startMonth: Int32Array;
  lastDay: Int32Array;
  lastMonth: Int32Array;
}

export function timeColumns(n: number): TimeColumns {
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
