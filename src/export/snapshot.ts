/**
 * A PNG of what the atlas shows: the map (copied from its WebGL canvas during a render) above the
 * timeline's marks, with its lanes' names, an axis, the key to the marks' colours, a caption and
 * the attributions, composed on one canvas: a picture that leaves the page must explain itself.
 * Without a map (no WebGL), the timeline is exported alone, with a note saying so.
 */
import type { ColourKeyEntry } from '../lib/colour-key.ts';
import type { TimeWindow } from '../lib/filter.ts';
import { axisTicks } from '../lib/time-axis.ts';

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
  /** The timeline's width on the page, in CSS px, and its lanes' names at their tops in that unit. */
  timelineCssWidth: number;
  laneLabels: readonly { text: string; top: number }[];
  /** What the marks' colours mean; `more` counts the colours left out. */
  key: { entries: readonly ColourKeyEntry[]; more: number } | null;
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
const KEY_LINE = 24;

/** One entry of the key as drawn: its swatch's colour (none for "and N more"), where it goes. */
interface KeyItem {
  text: string;
  colour: string | null;
  x: number;
  line: number;
}

/** The key's entries as text, placed in lines across `width`. */
function layOutKey(context: CanvasRenderingContext2D, key: SnapshotInput['key'], width: number): KeyItem[] {
  if (!key || key.entries.length === 0) return [];
  context.font = `14px ${FONT}`;
  const items: Pick<KeyItem, 'text' | 'colour'>[] = key.entries.map((entry) => ({
    text: `${entry.label} (${entry.count.toLocaleString('en')})`,
    colour: entry.colour,
  }));
  if (key.more > 0) items.push({ text: `and ${key.more.toLocaleString('en')} more colours`, colour: null });
  const placed: KeyItem[] = [];
  let x = 0;
  let line = 0;
  for (const item of items) {
    const itemWidth = (item.colour ? 18 : 0) + context.measureText(item.text).width;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      line++;
    }
    placed.push({ ...item, x, line });
    x += itemWidth + 20;
  }
  return placed;
}

function drawLaneLabels(
  context: CanvasRenderingContext2D,
  input: SnapshotInput,
  top: number,
  scale: number,
  colours: SnapshotColours,
): void {
  const size = Math.round(11 * scale);
  context.font = `600 ${size}px ${FONT}`;
  context.textBaseline = 'top';
  for (const label of input.laneLabels) {
    const x = PAD + 4 * scale;
    const y = top + label.top * scale;
    const width = context.measureText(label.text).width;
    context.globalAlpha = 0.8;
    context.fillStyle = colours.background;
    context.fillRect(x, y, width + 8 * scale, size + 4 * scale);
    context.globalAlpha = 1;
    context.fillStyle = colours.text;
    context.fillText(label.text, x + 4 * scale, y + 2 * scale);
  }
  context.textBaseline = 'alphabetic';
}

function scaledHeight(image: HTMLCanvasElement | null, width: number): number {
  return image && image.width > 0 ? Math.round((image.height / image.width) * width) : 0;
}

/** What the timeline on the page draws, as the picture needs it (its lanes' names are HTML over the canvas). */
export function readTimeline(
  element: HTMLElement | null,
): Pick<SnapshotInput, 'timeline' | 'timelineCssWidth' | 'laneLabels'> & { onlyBins: boolean } {
  const timeline = element?.querySelector('canvas') ?? null;
  const box = timeline?.getBoundingClientRect();
  const laneLabels = [...(element?.querySelectorAll<HTMLElement>('.lane-label') ?? [])].map((label) => ({
    text: label.textContent?.trim() ?? '',
    top: label.getBoundingClientRect().top - (box?.top ?? 0),
  }));
  return {
    timeline,
    timelineCssWidth: box?.width ?? 0,
    laneLabels,
    onlyBins: element?.dataset.lod === 'bins',
  };
}

/** Lays everything out on one canvas; the caller turns it into a PNG. */
export function composeSnapshot(input: SnapshotInput): HTMLCanvasElement {
  const inner = WIDTH - 2 * PAD;
  const mapHeight = scaledHeight(input.map, inner);
  const timelineHeight = scaledHeight(input.timeline, inner);
  const note = input.map
    ? null
    : 'The map is not available in this browser (it needs WebGL); the timeline is shown alone.';
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  const keyItems = layOutKey(context, input.key, inner);
  const keyHeight = keyItems.length > 0 ? (keyItems[keyItems.length - 1].line + 1) * KEY_LINE + 8 : 0;
  const height =
    PAD +
    34 +
    26 +
    16 +
    (mapHeight ? mapHeight + 16 : note ? 30 : 0) +
    timelineHeight +
    AXIS_HEIGHT +
    16 +
    keyHeight +
    24 +
    PAD;
  // Sizing the canvas resets its context: everything is set again from here.
  canvas.width = WIDTH;
  canvas.height = height;
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

  if (input.timeline && timelineHeight) {
    context.drawImage(input.timeline, PAD, y, inner, timelineHeight);
    if (input.timelineCssWidth > 0) drawLaneLabels(context, input, y, inner / input.timelineCssWidth, colours);
  }
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
  for (const item of keyItems) {
    const baseline = y + 14 + item.line * KEY_LINE;
    let x = PAD + item.x;
    if (item.colour) {
      context.fillStyle = item.colour;
      context.beginPath();
      context.arc(x + 6, baseline - 5, 6, 0, 2 * Math.PI);
      context.fill();
      x += 18;
    }
    context.fillStyle = colours.text;
    context.fillText(item.text, x, baseline);
  }
  y += keyHeight;

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
