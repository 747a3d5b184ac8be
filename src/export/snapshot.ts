/**
 * A PNG of what the atlas shows: the map (copied from its WebGL canvas during a render) above the
 * timeline's marks, with an axis, a caption and the attributions, composed on one canvas. Without
 * a map (no WebGL), the timeline is exported alone, with a note saying so.
 */
import { axisTicks } from '../lib/time-axis.ts';
import type { TimeWindow } from '../lib/filter.ts';

export interface SnapshotColours {
  background: string;
  text: string;
  muted: string;
  grid: string;
}

export interface SnapshotInput {
  map: HTMLCanvasElement | null;
  /** The timeline's marks canvas (device pixels). */
  timeline: HTMLCanvasElement | null;
  window: TimeWindow | null;
  title: string;
  caption: string;
  attribution: string;
  colours: SnapshotColours;
}

const WIDTH = 1600;
const PAD = 32;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const AXIS_HEIGHT = 30;

function scaledHeight(image: HTMLCanvasElement | null, width: number): number {
  return image && image.width > 0 ? Math.round((image.height / image.width) * width) : 0;
}

/** Lays everything out on one canvas; the caller turns it into a PNG. */
export function composeSnapshot(input: SnapshotInput): HTMLCanvasElement {
  const inner = WIDTH - 2 * PAD;
  const mapHeight = scaledHeight(input.map, inner);
  const timelineHeight = scaledHeight(input.timeline, inner);
  const note = input.map
    ? null
    : 'The map is not available in this browser (it needs WebGL); the timeline is shown alone.';
  const height =
    PAD + 34 + 26 + 16 + (mapHeight ? mapHeight + 16 : note ? 30 : 0) + timelineHeight + AXIS_HEIGHT + 16 + 24 + PAD;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  const { colours } = input;
  context.fillStyle = colours.background;
  context.fillRect(0, 0, WIDTH, height);
  context.textBaseline = 'alphabetic';

  let y = PAD + 26;
  context.fillStyle = colours.text;
  context.font = `600 26px ${FONT}`;
  context.fillText(input.title, PAD, y, inner);
  y += 30;
  context.font = `18px ${FONT}`;
  context.fillStyle = colours.muted;
  context.fillText(input.caption, PAD, y, inner);
  y += 20;

  if (input.map && mapHeight) {
    context.drawImage(input.map, PAD, y, inner, mapHeight);
    context.strokeStyle = colours.grid;
    context.strokeRect(PAD + 0.5, y + 0.5, inner - 1, mapHeight - 1);
    y += mapHeight + 16;
  } else if (note) {
    context.font = `italic 16px ${FONT}`;
    context.fillText(note, PAD, y + 18, inner);
    y += 30;
  }

  if (input.timeline && timelineHeight) context.drawImage(input.timeline, PAD, y, inner, timelineHeight);
  y += timelineHeight;
  context.strokeStyle = colours.muted;
  context.beginPath();
  context.moveTo(PAD, y + 0.5);
  context.lineTo(PAD + inner, y + 0.5);
  context.stroke();
  if (input.window) {
    const { fromMs, toMs } = input.window;
    context.font = `14px ${FONT}`;
    context.textAlign = 'center';
    for (const tick of axisTicks(fromMs, toMs, inner, 110).ticks) {
      const x = PAD + ((tick.ms - fromMs) / (toMs - fromMs)) * inner;
      context.fillStyle = tick.major ? colours.text : colours.muted;
      context.fillRect(Math.round(x), y, 1, 6);
      context.fillText(tick.label, x, y + 22);
    }
    context.textAlign = 'start';
  }
  y += AXIS_HEIGHT + 16;

  context.font = `14px ${FONT}`;
  context.fillStyle = colours.muted;
  context.fillText(input.attribution, PAD, y + 8, inner);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png'),
  );
}
