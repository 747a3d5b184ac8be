/**
 * The related dates of one incident (posted, recalled, charged, made public, tried…) laid out over
 * the timeline's window: where each falls, how wide its period is at this zoom, and a row for its
 * label so that labels never overlap. Dates outside the window are left out; labels that would
 * need more than `maxRows` rows keep only their guide.
 */
import { formatCalendarDate, parseCalendarDate } from './dates.ts';
import type { RelatedDate } from './incident-schema.ts';
import type { TimeWindow } from './filter.ts';
import { timeToX } from './time-scale.ts';

export interface RelatedDateMark {
  label: string;
  /** The date as readers see it elsewhere: "6 Jul 2020", "1997", "May 2018?". */
  when: string;
  /** Left edge and width of the period, CSS px in the plot; a day is at least 1 px wide. */
  x: number;
  width: number;
  /** Label row from the top, or null when there is no room for the label. */
  row: number | null;
  /**
   * Left edge of the label: at the date, else ending at it when it would run off the right edge,
   * else as far right as it fits.
   */
  labelX: number;
}

export interface RelatedLayoutOptions {
  /** Estimated label width per character, CSS px. */
  charPx?: number;
  /** Padding and gap around a label, CSS px. */
  paddingPx?: number;
  maxRows?: number;
}

/** The label chip's text. */
export const relatedText = (mark: Pick<RelatedDateMark, 'label' | 'when'>) => `${mark.label} · ${mark.when}`;

export function layoutRelatedDates(
  related: readonly RelatedDate[],
  window: TimeWindow,
  widthPx: number,
  { charPx = 6.2, paddingPx = 12, maxRows = 3 }: RelatedLayoutOptions = {},
): RelatedDateMark[] {
  const placed: Omit<RelatedDateMark, 'row' | 'labelX'>[] = [];
  for (const entry of related) {
    const start = parseCalendarDate(entry.date);
    if (!start.ok) continue;
    const end = entry.end ? parseCalendarDate(entry.end) : null;
    const endMs = end?.ok ? end.date.endMs : start.date.endMs;
    if (endMs <= window.fromMs || start.date.startMs >= window.toMs) continue;
    const x = timeToX(start.date.startMs, window, widthPx);
    const width = Math.max(1, timeToX(endMs, window, widthPx) - x);
    const when = end?.ok
      ? `${formatCalendarDate(start.date, 'short')} – ${formatCalendarDate(end.date, 'short')}`
      : formatCalendarDate(start.date, 'short');
    placed.push({ label: entry.label, when, x, width });
  }
  const spans = placed.map((mark) => {
    const labelPx = Math.min(widthPx, relatedText(mark).length * charPx + paddingPx);
    const start = Math.max(0, mark.x);
    const left =
      start + labelPx <= widthPx ? start : start - labelPx >= 0 ? start - labelPx : Math.max(0, widthPx - labelPx);
    return { mark, left, right: left + labelPx };
  });
  spans.sort((a, b) => a.left - b.left);
  // Greedy rows: each label goes in the first row whose last label it clears.
  const rowEnds: number[] = [];
  const laidOut = spans.map(({ mark, left, right }): RelatedDateMark => {
    let row = rowEnds.findIndex((end) => left >= end);
    if (row === -1 && rowEnds.length < maxRows) row = rowEnds.push(0) - 1;
    if (row === -1) return { ...mark, labelX: left, row: null };
    rowEnds[row] = right;
    return { ...mark, labelX: left, row };
  });
  return laidOut.sort((a, b) => a.x - b.x);
}
