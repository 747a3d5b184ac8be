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
import {
  binOfMs,
  binStartMs,
  binWeight,
  chooseBinUnit,
  laneBinMax,
  laneHistogram,
  type BinUnit,
} from './timeline-bins.ts';
import {
  entryInLane,
  countStartingIn,
  forEachVisibleEntry,
  LONG_MS,
  lowerBoundInLane,
  MARK_BAR,
  MARK_POINT,
  MARK_SPAN,
  type TimelineIndex,
} from './timeline-index.ts';
import { CONTEXT_ROW, OVERFLOW_ROW, StackCache, type StackOptions } from './timeline-stack.ts';

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
    const height =
      full.lanePaddingPx * 2 + full.labelHeightPx + rows * full.rowHeightPx + (overflows ? full.clusterRowPx : 0);
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

/** Pixel x of `ms` on a plot showing `window` across `widthPx`. */
const xOf = (ms: number, window: TimeWindow, widthPx: number) =>
  ((ms - window.fromMs) / (window.toMs - window.fromMs)) * widthPx;

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
      x: xOf((index.start[i] + index.end[i]) / 2, window, widthPx) - r,
      y: centreY - r,
      width: 2 * r,
      height: 2 * r,
    };
  }
  // Keep numbers near the plot: a century-long bar at day zoom would otherwise reach 1e9 px.
  const left = Math.max(-widthPx, xOf(index.start[i], window, widthPx));
  const right = Number.isFinite(index.end[i]) ? Math.min(2 * widthPx, xOf(index.end[i], window, widthPx)) : widthPx + 1;
  const height = index.kind[i] === MARK_BAR ? options.rowHeightPx * 0.45 : options.rowHeightPx - 6;
  return { x: left, y: centreY - height / 2, width: Math.max(options.minWidthPx, right - left), height };
}

/**
 * A chip in a lane's cluster row: "+N more" marks that found no free row, or "↔ N" marks wider
 * than the view (`context`). Clicking it frames `[fromMs, toMs)`: in for more, out for context.
 */
export interface Cluster extends Rect {
  kind: 'more' | 'context';
  lane: number;
  count: number;
  fromMs: number;
  toMs: number;
}

/** Incidents wider than the view that share one period (a year, a month), or a lane's long periods. */
export interface ContextBand extends Rect {
  lane: number;
  kind: 'span' | 'period';
  count: number;
  fromMs: number;
  toMs: number;
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
        const x0 = xOf(fromMs, window, widthPx);
        const x1 = xOf(toMs, window, widthPx);
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
          x: xOf((Math.max(index.start[i], window.fromMs) + Math.min(end, window.toMs)) / 2, window, widthPx),
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

/** Groups a lane's marks wider than the view: spans by their exact period, periods all together. */
function contextBands(
  index: TimelineIndex,
  box: LaneBox,
  wide: readonly number[],
  window: TimeWindow,
  widthPx: number,
): ContextBand[] {
  const groups = new Map<string, ContextBand>();
  for (const e of wide) {
    const i = index.entryIncident[e];
    const span = index.kind[i] === MARK_SPAN;
    const toMs = Number.isFinite(index.end[i]) ? index.end[i] : Math.max(index.nowMs, window.toMs);
    const key = span ? `${index.start[i]}/${index.end[i]}` : 'period';
    const band = groups.get(key);
    if (band) {
      band.count++;
      band.fromMs = Math.min(band.fromMs, index.start[i]);
      band.toMs = Math.max(band.toMs, toMs);
    } else {
      groups.set(key, {
        lane: box.lane,
        kind: span ? 'span' : 'period',
        count: 1,
        fromMs: index.start[i],
        toMs,
        x: 0,
        y: box.rowsTop,
        width: 0,
        height: 0,
      });
    }
  }
  const bands = [...groups.values()].sort((a, b) => b.count - a.count);
  for (const band of bands) {
    band.x = Math.max(-1, xOf(band.fromMs, window, widthPx));
    band.width = Math.min(widthPx + 1, xOf(band.toMs, window, widthPx)) - band.x;
    band.height = box.clusterY - box.rowsTop;
  }
  return bands;
}

/** The "↔ N" chip at the start of a lane's cluster row: what spans the view, and where to zoom out to see it. */
function contextChip(box: LaneBox, bands: readonly ContextBand[], options: Required<LayoutOptions>): Cluster {
  let count = 0;
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const band of bands) {
    count += band.count;
    fromMs = Math.min(fromMs, band.fromMs);
    toMs = Math.max(toMs, band.toMs);
  }
  const width = 24 + 7 * String(count).length;
  return {
    kind: 'context',
    lane: box.lane,
    count,
    fromMs,
    toMs,
    x: 2,
    y: box.clusterY + 1,
    width,
    height: options.clusterRowPx - 2,
  };
}

const CLUSTER_REACH_PX = 28;

/** Groups overflowing marks that lie within `CLUSTER_REACH_PX` of each other into one "+N" chip. */
function clusterOverflow(
  index: TimelineIndex,
  box: LaneBox,
  overflow: { x: number; e: number }[],
  options: Required<LayoutOptions>,
): Cluster[] {
  overflow.sort((a, b) => a.x - b.x);
  const clusters: Cluster[] = [];
  let current: Cluster | null = null;
  let firstX = 0;
  let lastX = 0;
  for (const { x, e } of overflow) {
    const i = index.entryIncident[e];
    const toMs = Number.isFinite(index.end[i]) ? index.end[i] : index.nowMs;
    if (current && x - firstX <= CLUSTER_REACH_PX) {
      current.count++;
      current.fromMs = Math.min(current.fromMs, index.start[i]);
      current.toMs = Math.max(current.toMs, toMs);
      lastX = x;
      continue;
    }
    if (current) finishCluster(current, firstX, lastX);
    current = {
      kind: 'more',
      lane: box.lane,
      count: 1,
      fromMs: index.start[i],
      toMs,
      x: 0,
      y: box.clusterY + 1,
      width: 0,
      height: options.clusterRowPx - 2,
    };
    clusters.push(current);
    firstX = lastX = x;
  }
  if (current) finishCluster(current, firstX, lastX);
  return clusters;
}

function finishCluster(cluster: Cluster, firstX: number, lastX: number): void {
  const width = Math.max(26, lastX - firstX + 14, 12 + 7 * String(cluster.count).length);
  cluster.x = (firstX + lastX) / 2 - width / 2;
  cluster.width = width;
}

/** Where an incident appears: its own mark, the "+N more" cluster holding it, or the bin counting it. */
export interface Located {
  as: 'mark' | 'cluster' | 'bin';
  entry: number;
  rect: Rect;
}

/** Locates incident `id` (in lane `lane` when it is in several, else its first lane). */
export function locateIncident(cache: LayoutCache, layout: TimelineLayout, id: string, lane = -1): Located | null {
  const { index } = cache;
  const position = index.positionOf.get(id);
  if (position === undefined) return null;
  const entry = entryInLane(index, position, lane);
  return locateEntry(cache, layout, entry);
}

export function locateEntry(cache: LayoutCache, layout: TimelineLayout, entry: number): Located {
  const { index } = cache;
  const { window, widthPx, plan } = layout;
  const box = plan.lanes[index.entryLane[entry]];
  const i = index.entryIncident[entry];
  if (layout.lod[box.lane] === 'bins') {
    const ms = Math.min(Math.max(index.start[i], window.fromMs), window.toMs - 1);
    const bin = binOfMs(layout.binUnit, ms);
    const x0 = xOf(binStartMs(layout.binUnit, bin), window, widthPx);
    const x1 = xOf(binStartMs(layout.binUnit, bin + 1), window, widthPx);
    const height = box.y + box.height - plan.options.lanePaddingPx - box.rowsTop;
    return { as: 'bin', entry, rect: { x: x0, y: box.rowsTop, width: x1 - x0, height } };
  }
  const row = cache.stacks.rows(box.lane, layout.msPerPx)[entry];
  if (row === CONTEXT_ROW) {
    const chip = layout.clusters.find((candidate) => candidate.lane === box.lane && candidate.kind === 'context');
    const rect = chip ?? { x: 2, y: box.clusterY + 1, width: 30, height: plan.options.clusterRowPx - 2 };
    return { as: 'cluster', entry, rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
  }
  const rect = markBox(index, entry, row === OVERFLOW_ROW ? 0 : row, box, window, widthPx, plan.options);
  if (row !== OVERFLOW_ROW && row < box.rows) return { as: 'mark', entry, rect };
  const centre = rect.x + rect.width / 2;
  const cluster = layout.clusters.find(
    (candidate) =>
      candidate.lane === box.lane &&
      candidate.kind === 'more' &&
      centre >= candidate.x - 1 &&
      centre <= candidate.x + candidate.width + 1,
  );
  const chip = cluster ?? { x: centre - 13, y: box.clusterY + 1, width: 26, height: plan.options.clusterRowPx - 2 };
  return { as: 'cluster', entry, rect: { x: chip.x, y: chip.y, width: chip.width, height: chip.height } };
}

/** The box of an incident's mark (or of what holds it) in CSS px within the plot, or null. */
export function markRect(cache: LayoutCache, layout: TimelineLayout, id: string): Rect | null {
  return locateIncident(cache, layout, id)?.rect ?? null;
}

export type Hit =
  { type: 'mark'; entry: number; rect: Rect } | { type: 'cluster'; cluster: Cluster } | { type: 'bin'; bin: BinBar };

const contains = (rect: Rect, x: number, y: number, slop: number) =>
  x >= rect.x - slop && x <= rect.x + rect.width + slop && y >= rect.y - slop && y <= rect.y + rect.height + slop;

/**
 * What is under `(x, y)`: lane by y, then, for marks, the entries of that lane near the time at x,
 * found by binary search over the index's sorted starts (plus the lane's few long periods).
 */
export function hitTest(cache: LayoutCache, layout: TimelineLayout, x: number, y: number, slopPx = 3): Hit | null {
  const { index } = cache;
  const { plan, window, widthPx, msPerPx } = layout;
  const box = plan.lanes.find((candidate) => y >= candidate.y && y < candidate.y + candidate.height);
  if (!box) return null;
  if (layout.lod[box.lane] === 'bins') {
    const bin = layout.bins.find((candidate) => candidate.lane === box.lane && contains(candidate, x, y, 0));
    return bin ? { type: 'bin', bin } : null;
  }
  const cluster = layout.clusters.find((candidate) => candidate.lane === box.lane && contains(candidate, x, y, 1));
  if (cluster) return { type: 'cluster', cluster };
  const row = Math.floor((y - box.rowsTop) / plan.options.rowHeightPx);
  if (row < 0 || row >= box.rows) return null;
  const rows = cache.stacks.rows(box.lane, msPerPx);
  const t = window.fromMs + x * msPerPx;
  const reachMs = (slopPx + plan.options.pointRadiusPx + plan.options.minWidthPx) * msPerPx;
  let best: { entry: number; rect: Rect; distance: number } | null = null;
  const consider = (e: number) => {
    if (rows[e] !== row) return;
    const rect = markBox(index, e, row, box, window, widthPx, plan.options);
    if (!contains(rect, x, y, slopPx)) return;
    const distance = Math.abs(rect.x + rect.width / 2 - x);
    if (!best || distance < best.distance) best = { entry: e, rect, distance };
  };
  const last = lowerBoundInLane(index, box.lane, t + reachMs);
  for (let e = lowerBoundInLane(index, box.lane, t - reachMs - LONG_MS); e < last; e++) consider(e);
  for (let k = index.longOffsets[box.lane]; k < index.longOffsets[box.lane + 1]; k++) consider(index.longEntries[k]);
  const found = best as { entry: number; rect: Rect } | null;
  return found ? { type: 'mark', entry: found.entry, rect: found.rect } : null;
}
