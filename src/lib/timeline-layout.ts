/**
 * Where each incident's mark sits on the timeline, computed from the same numbers that draw it, so
 * hit-testing and tests (`markRect`) agree with the canvas. Day-precision incidents are points;
 * month- and year-precision ones are faded spans over their whole period; periods are bars.
 */
import type { TimeWindow } from './filter.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { timeToX } from './time-scale.ts';

export type MarkKind = 'point' | 'span' | 'bar';

export interface TimelineMark {
  incident: LoadedIncident;
  kind: MarkKind;
  /** Left edge in CSS px from the plot's left; for a point, its centre. */
  x: number;
  /** Width in CSS px (0 for a point). */
  width: number;
  row: number;
}

export interface TimelineLayout {
  marks: TimelineMark[];
  rowCount: number;
  rowHeightPx: number;
  topPx: number;
}

export interface LayoutOptions {
  widthPx: number;
  rowHeightPx?: number;
  topPx?: number;
  /** Horizontal room a point takes, so neighbours stack rather than overlap. */
  pointRadiusPx?: number;
  /** Rows beyond this are folded into the last one. */
  maxRows?: number;
}

export function markKind(incident: LoadedIncident): MarkKind {
  if (incident.time.end !== undefined) return 'bar';
  return incident.time.start.precision === 'day' ? 'point' : 'span';
}

/** Lays out `incidents` (any order) in stacked rows so marks that overlap on screen don't hide each other. */
export function layoutTimeline(
  incidents: readonly LoadedIncident[],
  window: TimeWindow,
  { widthPx, rowHeightPx = 22, topPx = 8, pointRadiusPx = 6, maxRows = 64 }: LayoutOptions,
): TimelineLayout {
  const sorted = [...incidents].sort((a, b) => a.time.startMs - b.time.startMs || b.time.endMs - a.time.endMs);
  const rowEnds: number[] = [];
  const marks: TimelineMark[] = [];
  const gapPx = 3;
  for (const incident of sorted) {
    const kind = markKind(incident);
    const left = timeToX(incident.time.startMs, window, widthPx);
    const endMs = Number.isFinite(incident.time.endMs) ? incident.time.endMs : window.toMs;
    const right = timeToX(endMs, window, widthPx);
    const x = kind === 'point' ? (left + right) / 2 : left;
    const width = kind === 'point' ? 0 : Math.max(right - left, 2);
    const occupiedFrom = kind === 'point' ? x - pointRadiusPx : x;
    const occupiedTo = kind === 'point' ? x + pointRadiusPx : x + width;
    let row = rowEnds.findIndex((end) => end + gapPx <= occupiedFrom);
    if (row === -1) row = rowEnds.length < maxRows ? rowEnds.length : maxRows - 1;
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, occupiedTo);
    marks.push({ incident, kind, x, width, row });
  }
  return { marks, rowCount: rowEnds.length, rowHeightPx, topPx };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of one mark in CSS px within the plot, or null when it is not laid out. */
export function markRect(layout: TimelineLayout, id: string, pointRadiusPx = 6): Rect | null {
  const mark = layout.marks.find((candidate) => candidate.incident.id === id);
  return mark ? rectOf(layout, mark, pointRadiusPx) : null;
}

export function rectOf(layout: TimelineLayout, mark: TimelineMark, pointRadiusPx = 6): Rect {
  const centreY = layout.topPx + mark.row * layout.rowHeightPx + layout.rowHeightPx / 2;
  if (mark.kind === 'point') {
    return {
      x: mark.x - pointRadiusPx,
      y: centreY - pointRadiusPx,
      width: 2 * pointRadiusPx,
      height: 2 * pointRadiusPx,
    };
  }
  const height = layout.rowHeightPx - 8;
  return { x: mark.x, y: centreY - height / 2, width: mark.width, height };
}

/** The mark under a point, topmost first, within `slopPx` for small targets. */
export function hitTest(layout: TimelineLayout, x: number, y: number, slopPx = 3): TimelineMark | null {
  for (let i = layout.marks.length - 1; i >= 0; i--) {
    const rect = rectOf(layout, layout.marks[i]);
    if (
      x >= rect.x - slopPx &&
      x <= rect.x + rect.width + slopPx &&
      y >= rect.y - slopPx &&
      y <= rect.y + rect.height + slopPx
    ) {
      return layout.marks[i];
    }
  }
  return null;
}
