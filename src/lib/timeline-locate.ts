/**
 * From the layout back to incidents and forth: where an incident is drawn (its mark, or the chip
 * or bin holding it) — the test hook `markRect(id)` — and what lies under a pointer, found through
 * the index's sorted starts rather than by scanning every mark.
 */
import { binOfMs, binStartMs } from './timeline-bins.ts';
import { entryInLane, LONG_MS, lowerBoundInLane } from './timeline-index.ts';
import {
  markBox,
  type BinBar,
  type Cluster,
  type LayoutCache,
  type Rect,
  type TimelineLayout,
} from './timeline-layout.ts';
import { timeToX } from './time-scale.ts';
import { CONTEXT_ROW, OVERFLOW_ROW } from './timeline-stack.ts';

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
    const x0 = timeToX(binStartMs(layout.binUnit, bin), window, widthPx);
    const x1 = timeToX(binStartMs(layout.binUnit, bin + 1), window, widthPx);
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
