/** Paints timeline marks on a 2D canvas from a layout; the canvas is sized for the device pixel ratio. */
import { techniqueColour } from '../lib/palette.ts';
import { rectOf, type TimelineLayout, type TimelineMark } from '../lib/timeline-layout.ts';

export interface MarkPaint {
  widthPx: number;
  heightPx: number;
  pixelRatio: number;
  selectedId: string | null;
  hoveredId: string | null;
  /** Outline for the selected and hovered marks (the theme's text colour). */
  emphasisColour: string;
  /** Fill behind the marks, used to separate neighbours. */
  backgroundColour: string;
}

function paintMark(
  context: CanvasRenderingContext2D,
  layout: TimelineLayout,
  mark: TimelineMark,
  paint: MarkPaint,
): void {
  const rect = rectOf(layout, mark);
  const colour = techniqueColour(mark.incident.techniques[0]);
  context.fillStyle = colour;
  context.strokeStyle = colour;
  if (mark.kind === 'point') {
    context.beginPath();
    context.arc(rect.x + rect.width / 2, rect.y + rect.height / 2, rect.width / 2, 0, Math.PI * 2);
    context.fill();
    context.lineWidth = 1.5;
    context.strokeStyle = paint.backgroundColour;
    context.stroke();
    return;
  }
  if (mark.kind === 'span') {
    // Known only to the month or year: a faded band over the whole period, edged so it reads as a range.
    context.globalAlpha = 0.28;
    context.fillRect(rect.x, rect.y, rect.width, rect.height);
    context.globalAlpha = 1;
    context.lineWidth = 1;
    context.setLineDash([3, 2]);
    context.strokeRect(rect.x + 0.5, rect.y + 0.5, Math.max(rect.width - 1, 1), rect.height - 1);
    context.setLineDash([]);
    return;
  }
  context.fillRect(rect.x, rect.y + 2, rect.width, rect.height - 4);
}

function outline(
  context: CanvasRenderingContext2D,
  layout: TimelineLayout,
  mark: TimelineMark,
  colour: string,
  widthPx: number,
): void {
  const rect = rectOf(layout, mark);
  context.strokeStyle = colour;
  context.lineWidth = widthPx;
  if (mark.kind === 'point') {
    context.beginPath();
    context.arc(rect.x + rect.width / 2, rect.y + rect.height / 2, rect.width / 2 + 2.5, 0, Math.PI * 2);
    context.stroke();
  } else {
    context.strokeRect(rect.x - 2, rect.y - 2, rect.width + 4, rect.height + 4);
  }
}

export function drawMarks(context: CanvasRenderingContext2D, layout: TimelineLayout, paint: MarkPaint): void {
  context.setTransform(paint.pixelRatio, 0, 0, paint.pixelRatio, 0, 0);
  context.clearRect(0, 0, paint.widthPx, paint.heightPx);
  let selected: TimelineMark | undefined;
  let hovered: TimelineMark | undefined;
  for (const mark of layout.marks) {
    const right = mark.x + Math.max(mark.width, 8);
    if (right < -8 || mark.x - 8 > paint.widthPx) continue;
    paintMark(context, layout, mark, paint);
    if (mark.incident.id === paint.selectedId) selected = mark;
    if (mark.incident.id === paint.hoveredId) hovered = mark;
  }
  if (hovered && hovered !== selected) outline(context, layout, hovered, paint.emphasisColour, 1.5);
  if (selected) outline(context, layout, selected, paint.emphasisColour, 2.5);
}
