/**
 * What a lane shows instead of marks that cannot be drawn one by one at this zoom: "+N more"
 * chips for marks that found no free row, and, for marks far wider than the view, faded context
 * bands (one per shared period) and one "↔ N" chip.
 */
import { type TimelineIndex } from './timeline-index.ts';
import { MARK_SPAN } from './time-order.ts';
import type { LaneBox, LayoutOptions, Rect } from './timeline-layout.ts';
import type { TimeWindow } from './filter.ts';
import { timeToX } from './time-scale.ts';

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

/** Groups a lane's marks wider than the view: spans by their exact period, periods all together. */
export function contextBands(
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
    band.x = Math.max(-1, timeToX(band.fromMs, window, widthPx));
    band.width = Math.min(widthPx + 1, timeToX(band.toMs, window, widthPx)) - band.x;
    band.height = box.clusterY - box.rowsTop;
  }
  return bands;
}

/** The "↔ N" chip at the start of a lane's cluster row: what spans the view, and where to zoom out to see it. */
export function contextChip(box: LaneBox, bands: readonly ContextBand[], options: Required<LayoutOptions>): Cluster {
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
export function clusterOverflow(
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
