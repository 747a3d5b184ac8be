/**
 * Where everything on the timeline sits, from the same numbers that draw it, so the canvas,
 * hit-testing and the test hook `markRect(id)` always agree. Lane geometry is planned once per
 * index and width (zoom never changes heights); each frame then lays out only what is visible:
 * per lane either individual marks (day precision → point, month/year → faded span over the whole
 * period, periods → bars, open ends to the edge) in cached rows with "+N more" clusters for what
 * does not fit, or — when a lane holds more than its rows can show — calendar bins with counts.
 * Marks far wider than the view (a year-precision record seen day by day) take no row: they are
 * drawn as faded context bands and counted on one "↔ N" chip per lane.
 */
import type { TimeWindow } from './filter.ts';
import { binStartMs, binWeight, chooseBinUnit, laneBinMax, laneHistogram, type BinUnit } from './timeline-bins.ts';
import { countStartingIn, forEachVisibleEntry, type TimelineIndex } from './timeline-index.ts';
import { MARK_BAR, MARK_POINT } from './time-order.ts';
import { clusterOverflow, contextBands, contextChip, type Cluster, type ContextBand } from './timeline-clusters.ts';
import { timeToX } from './time-scale.ts';
import { CONTEXT_ROW, OVERFLOW_ROW, StackCache, type StackOptions } from './timeline-stack.ts';

export type { Cluster, ContextBand };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutOptions extends StackOptions {
  rowHeightPx: number;
  /** Room for the lane's label above its rows (0 without lanes). */
  labelHeightPx: number;
  /** Height of the row of "+N more" clusters. @default 16 */
  clusterRowPx?: number;
  /** Space above and below each lane. @default 4 */
  lanePaddingPx?: number;
  /** Marks per row and 1000 px above which a lane switches to bins. @default 125 (one per 8 px) */
  marksPerRowPer1000Px?: number;
}

/**
 * Defaults for a plot: taller rows and more of them for a single lane; marks wider than about
 * two thirds of the plot become context.
 */
export function layoutOptionsFor(laneCount: number, widthPx = 1000): LayoutOptions {
  const contextPx = Math.max(240, Math.round(widthPx * 0.7));
  return laneCount <= 1
    ? { rowHeightPx: 20, labelHeightPx: 0, maxRows: 8, pointRadiusPx: 5, contextPx }
    : { rowHeightPx: 16, labelHeightPx: 15, maxRows: 3, pointRadiusPx: 4.5, contextPx };
}

export interface LaneBox {
  lane: number;
  y: number;
  height: number;
  /** Top of the first row. */
  rowsTop: number;
  rows: number;
  /** Top of the cluster row, or -1 when every mark of the lane always fits. */
  clusterY: number;
}

export interface LanePlan {
  lanes: LaneBox[];
  heightPx: number;
  options: Required<LayoutOptions>;
}

/** Caches shared by layout, `markRect` and hit-testing for one index and plan. */
export class LayoutCache {
  readonly stacks: StackCache;
  readonly #binMax = new Map<string, number>();
  constructor(
    readonly index: TimelineIndex,
    options: StackOptions,
  ) {
    this.stacks = new StackCache(index, options);
  }
  binMax(lane: number, unit: BinUnit): number {
    const key = `${lane}:${unit.unit}:${unit.step}`;
    let max = this.#binMax.get(key);
    if (max === undefined) {
      max = laneBinMax(this.index, lane, unit);
      this.#binMax.set(key, max);
    }
    return max;
  }
}

function withDefaults(options: LayoutOptions): Required<LayoutOptions> {
  return {
    pointRadiusPx: 5,
    gapPx: 2,
    minWidthPx: 3,
    maxRows: 8,
    contextPx: 700,
    clusterRowPx: 16,
    lanePaddingPx: 4,
    marksPerRowPer1000Px: 125,
    ...options,
  };
}

function laneHeightPx(full: Required<LayoutOptions>, rows: number, overflows: boolean): number {
  return full.lanePaddingPx * 2 + full.labelHeightPx + rows * full.rowHeightPx + (overflows ? full.clusterRowPx : 0);
}

/**
 * The height of a lane using all its rows and its cluster row: what a plot of one lane takes once a
 * dataset of any size arrives, so the room kept for it while the data loads.
 */
export function fullLaneHeightPx(options: LayoutOptions): number {
  const full = withDefaults(options);
  return laneHeightPx(full, full.maxRows, true);
}

/**
 * Lane heights for an index: each lane gets the rows its marks use at `baseMsPerPx` (the
 * whole-extent view, the coarsest usual zoom), capped, plus a cluster row when it could overflow.
 */
export function planLanes(cache: LayoutCache, baseMsPerPx: number, options: LayoutOptions): LanePlan {
  const full = withDefaults(options);
  const { index } = cache;
  const lanes: LaneBox[] = [];
  let y = 0;
  for (let lane = 0; lane < index.lanes.length; lane++) {
    const count = index.laneOffsets[lane + 1] - index.laneOffsets[lane];
    const rows = Math.max(1, Math.min(full.maxRows, cache.stacks.rowsUsed(lane, baseMsPerPx)));
    // The cluster row holds "+N more" (more marks than rows) and "↔ N" (marks wider than the view).
    const overflows = count > rows || hasWideMarks(index, lane);
    const rowsTop = y + full.lanePaddingPx + full.labelHeightPx;
    const clusterY = overflows ? rowsTop + rows * full.rowHeightPx : -1;
    const height = laneHeightPx(full, rows, overflows);
    lanes.push({ lane, y, height, rowsTop, rows, clusterY });
    y += height;
  }
  return { lanes, heightPx: y, options: full };
}

function hasWideMarks(index: TimelineIndex, lane: number): boolean {
  for (let e = index.laneOffsets[lane]; e < index.laneOffsets[lane + 1]; e++) {
    if (index.kind[index.entryIncident[e]] !== MARK_POINT) return true;
  }
  return false;
}

/** The box of entry `e` drawn in row `row` of `box`: the one geometry drawing and tests share. */
export function markBox(
  index: TimelineIndex,
  e: number,
  row: number,
  box: LaneBox,
  window: TimeWindow,
  widthPx: number,
  options: Required<LayoutOptions>,
): Rect {
  const i = index.entryIncident[e];
  const centreY = box.rowsTop + row * options.rowHeightPx + options.rowHeightPx / 2;
  if (index.kind[i] === MARK_POINT) {
    const r = options.pointRadiusPx;
    return {
      x: timeToX((index.start[i] + index.end[i]) / 2, window, widthPx) - r,
      y: centreY - r,
      width: 2 * r,
      height: 2 * r,
    };
  }
  // Keep numbers near the plot: a century-long bar at day zoom would otherwise reach 1e9 px.
  const left = Math.max(-widthPx, timeToX(index.start[i], window, widthPx));
  const right = Number.isFinite(index.end[i])
    ? Math.min(2 * widthPx, timeToX(index.end[i], window, widthPx))
    : widthPx + 1;
  const height = index.kind[i] === MARK_BAR ? options.rowHeightPx * 0.45 : options.rowHeightPx - 6;
  return { x: left, y: centreY - height / 2, width: Math.max(options.minWidthPx, right - left), height };
}

/** A bin of a lane drawn at coarse zoom. */
export interface BinBar extends Rect {
  lane: number;
  bin: number;
  unit: BinUnit;
  touching: number;
  within: number;
  /** Share of the incidents spanning several bins (see `Histogram.spread`). */
  spread: number;
  /** The lane's heaviest bin at this unit: bars are scaled against it. */
  max: number;
  fromMs: number;
  toMs: number;
}

/** Marks drawn this frame, as parallel arrays (no object per mark). */
export interface MarkList {
  count: number;
  entry: Int32Array;
  x: Float32Array;
  y: Float32Array;
  width: Float32Array;
  height: Float32Array;
}

export interface TimelineLayout {
  window: TimeWindow;
  widthPx: number;
  msPerPx: number;
  plan: LanePlan;
  /** Per lane: drawn as marks or as bins at this zoom. */
  lod: ('marks' | 'bins')[];
  binUnit: BinUnit;
  marks: MarkList;
  clusters: Cluster[];
  context: ContextBand[];
  bins: BinBar[];
}

function laneUsesBins(
  index: TimelineIndex,
  box: LaneBox,
  window: TimeWindow,
  widthPx: number,
  options: Required<LayoutOptions>,
) {
  const capacity = (box.rows * options.marksPerRowPer1000Px * widthPx) / 1000;
  return countStartingIn(index, box.lane, window.fromMs, window.toMs) > capacity;
}

/** Everything visible in `window`, for drawing and hit-testing. */
export function layoutTimeline(
  cache: LayoutCache,
  plan: LanePlan,
  window: TimeWindow,
  widthPx: number,
): TimelineLayout {
  const { index } = cache;
  const { options } = plan;
  const msPerPx = (window.toMs - window.fromMs) / widthPx;
  const binUnit = chooseBinUnit(msPerPx);
  const lod = plan.lanes.map((box): 'bins' | 'marks' =>
    laneUsesBins(index, box, window, widthPx, options) ? 'bins' : 'marks',
  );
  const drawn: number[] = [];
  const drawnRows: number[] = [];
  const clusters: Cluster[] = [];
  const context: ContextBand[] = [];
  const bins: BinBar[] = [];

  for (const box of plan.lanes) {
    if (lod[box.lane] === 'bins') {
      const histogram = laneHistogram(index, box.lane, binUnit, window.fromMs, window.toMs);
      const max = cache.binMax(box.lane, binUnit);
      for (let b = 0; b < histogram.touching.length - 1; b++) {
        if (histogram.touching[b] === 0) continue;
        const weight = binWeight(histogram, b);
        const bin = histogram.firstBin + b;
        const fromMs = binStartMs(binUnit, bin);
        const toMs = binStartMs(binUnit, bin + 1);
        const x0 = timeToX(fromMs, window, widthPx);
        const x1 = timeToX(toMs, window, widthPx);
        bins.push({
          lane: box.lane,
          bin,
          unit: binUnit,
          touching: histogram.touching[b],
          within: histogram.within[b],
          spread: weight - histogram.within[b],
          max,
          fromMs,
          toMs,
          x: x0,
          y: box.rowsTop,
          width: x1 - x0,
          height: box.y + box.height - options.lanePaddingPx - box.rowsTop,
        });
      }
      continue;
    }
    const rows = cache.stacks.rows(box.lane, msPerPx);
    const overflow: { x: number; e: number }[] = [];
    const wide: number[] = [];
    forEachVisibleEntry(index, box.lane, window.fromMs, window.toMs, (e) => {
      const row = rows[e];
      if (row === CONTEXT_ROW) {
        wide.push(e);
      } else if (row !== OVERFLOW_ROW && row < box.rows) {
        drawn.push(e);
        drawnRows.push(row);
      } else {
        const i = index.entryIncident[e];
        const end = Number.isFinite(index.end[i]) ? index.end[i] : window.toMs;
        overflow.push({
          x: timeToX((Math.max(index.start[i], window.fromMs) + Math.min(end, window.toMs)) / 2, window, widthPx),
          e,
        });
      }
    });
    clusters.push(...clusterOverflow(index, box, overflow, options));
    if (wide.length > 0) {
      const bands = contextBands(index, box, wide, window, widthPx);
      context.push(...bands);
      clusters.push(contextChip(box, bands, options));
    }
  }

  const marks: MarkList = {
    count: drawn.length,
    entry: Int32Array.from(drawn),
    x: new Float32Array(drawn.length),
    y: new Float32Array(drawn.length),
    width: new Float32Array(drawn.length),
    height: new Float32Array(drawn.length),
  };
  for (let k = 0; k < drawn.length; k++) {
    const rect = markBox(
      index,
      drawn[k],
      drawnRows[k],
      plan.lanes[index.entryLane[drawn[k]]],
      window,
      widthPx,
      options,
    );
    marks.x[k] = rect.x;
    marks.y[k] = rect.y;
    marks.width[k] = rect.width;
    marks.height[k] = rect.height;
  }
  return { window, widthPx, msPerPx, plan, lod, binUnit, marks, clusters, context, bins };
}
