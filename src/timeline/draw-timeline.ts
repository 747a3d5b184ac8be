/**
 * Paints one frame of the timeline on a 2D canvas from a layout: lane bands, bins, context
 * bands, marks, "+N" and "↔ N" chips and the hovered and selected outlines. Marks are batched by colour and kind into one
 * path each, so a frame costs a few dozen fills however many marks are drawn. The canvas is in
 * device pixels; everything here is in CSS pixels under a `pixelRatio` transform.
 */
import { type TimelineIndex } from '../lib/timeline-index.ts';
import { MARK_BAR, MARK_POINT, MARK_SPAN } from '../lib/time-order.ts';
import type { Rect, TimelineLayout } from '../lib/timeline-layout.ts';
import { techniqueColour } from '../lib/palette.ts';

/** Theme colours, read from CSS custom properties once per theme. */
export interface TimelineColours {
  text: string;
  muted: string;
  surface: string;
  raised: string;
  grid: string;
  accent: string;
  /** The selected incident's outline. */
  selected: string;
  /** One colour for every mark and bin instead of the techniques' palette (forced colours). */
  mark: string | null;
}

/**
 * Forced colours (Windows High Contrast): the page takes the user's system colours, and the canvas
 * must follow or its marks vanish against the forced background. Canvas accepts the CSS system
 * colour keywords and resolves them to the user's palette.
 */
const FORCED_COLOURS: TimelineColours = {
  text: 'CanvasText',
  muted: 'CanvasText',
  surface: 'Canvas',
  raised: 'Canvas',
  grid: 'GrayText',
  accent: 'CanvasText',
  selected: 'Highlight',
  mark: 'CanvasText',
};

export function readColours(element: Element, forced = false): TimelineColours {
  if (forced) return FORCED_COLOURS;
  const styles = getComputedStyle(element);
  const read = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text', '#16191d'),
    muted: read('--text-muted', '#545c66'),
    surface: read('--surface', '#ffffff'),
    raised: read('--surface-raised', '#f1f3f5'),
    grid: read('--grid', '#e6e9ed'),
    accent: read('--accent', '#0b5cad'),
    selected: read('--text', '#16191d'),
    mark: null,
  };
}

export interface TimelinePaint {
  heightPx: number;
  pixelRatio: number;
  colours: TimelineColours;
  /** Outlines, from `locateEntry` (a mark, or the cluster or bin holding the incident). */
  hovered: Rect | null;
  selected: Rect | null;
}

const LABEL_FONT = '600 10px system-ui, sans-serif';

function drawLaneBands(context: CanvasRenderingContext2D, layout: TimelineLayout, paint: TimelinePaint): void {
  const { lanes } = layout.plan;
  if (lanes.length < 2) return;
  context.fillStyle = paint.colours.raised;
  for (const box of lanes) if (box.lane % 2 === 1) context.fillRect(0, box.y, layout.widthPx, box.height);
  context.fillStyle = paint.colours.grid;
  for (const box of lanes) if (box.lane > 0) context.fillRect(0, box.y, layout.widthPx, 1);
}

function binColour(index: TimelineIndex, lane: number, colours: TimelineColours, plain: string): string {
  if (colours.mark !== null) return colours.mark;
  return index.mode === 'technique' ? techniqueColour(index.lanes[lane].key) : plain;
}

/** "7", "412", "4.8k", "48k": bin labels that fit narrow bins. */
export function formatCompact(count: number): string {
  if (count < 1000) return String(Math.round(count));
  if (count < 10_000) return `${(count / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(count / 1000)}k`;
}

function drawBins(
  context: CanvasRenderingContext2D,
  index: TimelineIndex,
  layout: TimelineLayout,
  paint: TimelinePaint,
): void {
  context.font = LABEL_FONT;
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  for (const bin of layout.bins) {
    const room = bin.height - 12;
    // Square-root heights: a bin with a quarter of the largest count is half as tall.
    const scale = (count: number) => (count > 0 ? Math.max(1.5, Math.sqrt(count / Math.max(bin.max, 1)) * room) : 0);
    const gap = bin.width > 4 ? 1 : 0;
    const x = bin.x + gap / 2;
    const width = bin.width - gap;
    const bottom = bin.y + bin.height;
    const total = scale(bin.within + bin.spread);
    context.fillStyle = binColour(index, bin.lane, paint.colours, paint.colours.accent);
    context.globalAlpha = 0.3;
    context.fillRect(x, bottom - total, width, total);
    if (bin.within > 0) {
      const within = scale(bin.within);
      context.globalAlpha = 0.85;
      context.fillRect(x, bottom - within, width, within);
    }
    context.globalAlpha = 1;
    if (bin.within === 0) continue;
    const label = formatCompact(bin.within);
    if (width >= label.length * 6.2 + 4) {
      context.fillStyle = paint.colours.text;
      context.fillText(label, x + width / 2, bottom - total - 1);
    }
  }
}

/**
 * Marks wider than the view: a faded band with dashed edges where a shared period (a month, a
 * year) begins or ends inside the view. A band covering the whole view says nothing the lane's
 * "↔ N" chip does not, so it is left out rather than washing the lane.
 */
function drawContext(
  context: CanvasRenderingContext2D,
  index: TimelineIndex,
  layout: TimelineLayout,
  paint: TimelinePaint,
): void {
  context.lineWidth = 1;
  context.setLineDash([4, 3]);
  for (const band of layout.context) {
    const startsInside = band.x > 0;
    const endsInside = band.x + band.width < layout.widthPx;
    if (band.kind === 'period' || (!startsInside && !endsInside)) continue;
    const colour = binColour(index, band.lane, paint.colours, paint.colours.muted);
    context.fillStyle = colour;
    context.strokeStyle = colour;
    context.globalAlpha = 0.08;
    context.fillRect(band.x, band.y, band.width, band.height);
    context.globalAlpha = 0.6;
    context.beginPath();
    if (startsInside) context.rect(Math.round(band.x) + 0.5, band.y, 0, band.height);
    if (endsInside) context.rect(Math.round(band.x + band.width) - 0.5, band.y, 0, band.height);
    context.stroke();
  }
  context.setLineDash([]);
  context.globalAlpha = 1;
}

/** Marks grouped by colour, so each colour and kind is one path. */
function groupByColour(index: TimelineIndex, layout: TimelineLayout): Int32Array[] {
  const { marks } = layout;
  const counts = new Int32Array(index.colours.length);
  for (let k = 0; k < marks.count; k++) counts[index.colour[index.entryIncident[marks.entry[k]]]]++;
  const groups = Array.from(counts, (count) => new Int32Array(count));
  const fill = new Int32Array(index.colours.length);
  for (let k = 0; k < marks.count; k++) {
    const c = index.colour[index.entryIncident[marks.entry[k]]];
    groups[c][fill[c]++] = k;
  }
  return groups;
}

function drawMarks(
  context: CanvasRenderingContext2D,
  index: TimelineIndex,
  layout: TimelineLayout,
  paint: TimelinePaint,
): void {
  const { marks } = layout;
  const kindOf = (k: number) => index.kind[index.entryIncident[marks.entry[k]]];
  groupByColour(index, layout).forEach((group, c) => {
    if (group.length === 0) return;
    const colour = paint.colours.mark ?? index.colours[c];
    context.fillStyle = colour;
    context.strokeStyle = colour;

    // Known only to the month or year: a faded band over the whole period, dashed at its edges.
    context.beginPath();
    for (const k of group)
      if (kindOf(k) === MARK_SPAN) context.rect(marks.x[k], marks.y[k], marks.width[k], marks.height[k]);
    context.globalAlpha = 0.22;
    context.fill();
    context.globalAlpha = 0.9;
    context.lineWidth = 1;
    context.setLineDash([3, 2]);
    context.stroke();
    context.setLineDash([]);
    context.globalAlpha = 1;

    // Periods: solid bars from start to end.
    context.beginPath();
    for (const k of group)
      if (kindOf(k) === MARK_BAR) context.rect(marks.x[k], marks.y[k], marks.width[k], marks.height[k]);
    context.fill();

    // Known to the day: points, ringed in the background colour to part neighbours.
    context.beginPath();
    for (const k of group) {
      if (kindOf(k) !== MARK_POINT) continue;
      const r = marks.width[k] / 2;
      context.moveTo(marks.x[k] + 2 * r, marks.y[k] + r);
      context.arc(marks.x[k] + r, marks.y[k] + r, r, 0, Math.PI * 2);
    }
    context.fill();
    context.lineWidth = 1.5;
    context.strokeStyle = paint.colours.surface;
    context.stroke();
  });
}

function drawClusters(context: CanvasRenderingContext2D, layout: TimelineLayout, paint: TimelinePaint): void {
  if (layout.clusters.length === 0) return;
  context.font = LABEL_FONT;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.lineWidth = 1;
  for (const cluster of layout.clusters) {
    context.beginPath();
    context.roundRect(cluster.x, cluster.y, cluster.width, cluster.height, cluster.height / 2);
    context.fillStyle = paint.colours.surface;
    context.fill();
    context.strokeStyle = paint.colours.muted;
    context.stroke();
    context.fillStyle = paint.colours.text;
    const label = `${cluster.kind === 'context' ? '↔ ' : '+'}${cluster.count.toLocaleString('en')}`;
    context.fillText(label, cluster.x + cluster.width / 2, cluster.y + cluster.height / 2 + 0.5);
  }
}

function outline(context: CanvasRenderingContext2D, rect: Rect, colour: string, widthPx: number): void {
  context.strokeStyle = colour;
  context.lineWidth = widthPx;
  context.beginPath();
  context.roundRect(rect.x - 2.5, rect.y - 2.5, rect.width + 5, rect.height + 5, 4);
  context.stroke();
}

export function drawTimeline(
  context: CanvasRenderingContext2D,
  index: TimelineIndex,
  layout: TimelineLayout,
  paint: TimelinePaint,
): void {
  context.setTransform(paint.pixelRatio, 0, 0, paint.pixelRatio, 0, 0);
  context.clearRect(0, 0, layout.widthPx, paint.heightPx);
  drawLaneBands(context, layout, paint);
  drawBins(context, index, layout, paint);
  drawContext(context, index, layout, paint);
  drawMarks(context, index, layout, paint);
  drawClusters(context, layout, paint);
  if (paint.hovered && paint.hovered !== paint.selected) outline(context, paint.hovered, paint.colours.muted, 1.5);
  if (paint.selected) outline(context, paint.selected, paint.colours.selected, 2.5);
}
