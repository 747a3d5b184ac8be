/**
 * Stacking overlapping marks into rows, independent of the exact zoom: rows are computed for a
 * whole lane at a zoom *tier* (milliseconds per pixel rounded up to a power of two) and cached, so
 * a zoom gesture re-stacks only when it crosses a tier (a factor of two), panning never re-stacks,
 * and a mark keeps its row while the view moves. Footprints use the tier's coarser scale, so marks
 * that do not overlap at the tier do not overlap at any zoom inside it.
 */
import { type TimelineIndex } from './timeline-index.ts';
import { MARK_POINT } from './time-order.ts';

/** Row value of an entry that found no free row: drawn inside a "+N more" cluster. */
export const OVERFLOW_ROW = 255;
/**
 * Row value of an entry far wider than the view at this zoom (a year-precision record seen day by
 * day, a period of years): it takes no row, and is drawn as faded context behind the marks.
 */
export const CONTEXT_ROW = 254;

export interface StackOptions {
  /** Radius of a point mark in CSS px. @default 5 */
  pointRadiusPx?: number;
  /** Space kept between neighbours in a row, CSS px. @default 2 */
  gapPx?: number;
  /** The narrowest a span or bar is drawn, CSS px. @default 3 */
  minWidthPx?: number;
  /** Rows available before marks overflow. @default 8 */
  maxRows?: number;
  /** Marks wider than this many px become context rather than taking a row. @default 700 */
  contextPx?: number;
}

/** The tier of a scale: the exponent of the next power of two of ms per px. */
export function zoomTier(msPerPx: number): number {
  return Math.ceil(Math.log2(Math.max(msPerPx, 1e-3)));
}

/**
 * First-fit rows for the entries of `lane` at `msPerPx`, written into `rows` (indexed by entry).
 * Each mark goes in the lowest row whose last mark ends (plus the gap) before it begins; a mark
 * that finds none gets `OVERFLOW_ROW`, one wider than `contextPx` gets `CONTEXT_ROW`. Returns how
 * many rows were used.
 */
export function stackLane(
  index: TimelineIndex,
  lane: number,
  msPerPx: number,
  rows: Uint8Array,
  { pointRadiusPx = 5, gapPx = 2, minWidthPx = 3, maxRows = 8, contextPx = 700 }: StackOptions = {},
): number {
  const rowEnds = new Float64Array(maxRows).fill(-Infinity);
  const radiusMs = pointRadiusPx * msPerPx;
  const gapMs = gapPx * msPerPx;
  const minWidthMs = minWidthPx * msPerPx;
  const contextMs = contextPx * msPerPx;
  const { start, end, kind, entryIncident } = index;
  let used = 0;
  for (let e = index.laneOffsets[lane]; e < index.laneOffsets[lane + 1]; e++) {
    const i = entryIncident[e];
    let left: number;
    let right: number;
    if (kind[i] === MARK_POINT) {
      const middle = (start[i] + end[i]) / 2;
      left = middle - radiusMs;
      right = middle + radiusMs;
    } else if ((Number.isFinite(end[i]) ? end[i] : Math.max(index.nowMs, start[i])) - start[i] > contextMs) {
      rows[e] = CONTEXT_ROW;
      continue;
    } else {
      left = start[i];
      right = Math.max(end[i], start[i] + minWidthMs);
    }
    let row = OVERFLOW_ROW;
    for (let r = 0; r < maxRows; r++) {
      if (rowEnds[r] + gapMs <= left) {
        row = r;
        rowEnds[r] = right;
        if (r + 1 > used) used = r + 1;
        break;
      }
    }
    rows[e] = row;
  }
  return used;
}

/** Rows per tier and lane, computed on first use; one cache per index and options. */
export class StackCache {
  readonly #tiers = new Map<number, { rows: Uint8Array; done: Uint8Array }>();
  constructor(
    readonly index: TimelineIndex,
    readonly options: StackOptions = {},
  ) {}

  /** Rows of all entries (valid for `lane`) at the tier of `msPerPx`. */
  rows(lane: number, msPerPx: number): Uint8Array {
    const tier = zoomTier(msPerPx);
    let cached = this.#tiers.get(tier);
    if (!cached) {
      cached = {
        rows: new Uint8Array(this.index.entryIncident.length),
        done: new Uint8Array(this.index.lanes.length),
      };
      this.#tiers.set(tier, cached);
    }
    if (!cached.done[lane]) {
      stackLane(this.index, lane, 2 ** tier, cached.rows, this.options);
      cached.done[lane] = 1;
    }
    return cached.rows;
  }

  /** How many rows a lane needs at the tier of `msPerPx`, capped at `maxRows`. */
  rowsUsed(lane: number, msPerPx: number): number {
    const rows = this.rows(lane, msPerPx);
    let used = 0;
    for (let e = this.index.laneOffsets[lane]; e < this.index.laneOffsets[lane + 1]; e++) {
      if (rows[e] === CONTEXT_ROW) continue;
      const row = rows[e] === OVERFLOW_ROW ? (this.options.maxRows ?? 8) - 1 : rows[e];
      if (row + 1 > used) used = row + 1;
    }
    return used;
  }
}
