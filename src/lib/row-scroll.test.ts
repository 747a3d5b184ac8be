import { describe, expect, it } from 'vitest';
import { scrollToShowRow } from './row-scroll.ts';

// A caption of 40 px, a header of one 44 px row, a viewport of ten rows.
const list = { scrollTopPx: 0, viewportPx: 440, rowHeightPx: 44, rowsTopPx: 84, headerPx: 44 };
/** Where row `index` starts in the viewport after scrolling to `scrollTopPx`. */
const rowTop = (index: number, scrollTopPx: number) => list.rowsTopPx + index * list.rowHeightPx - scrollTopPx;

describe('scrollToShowRow', () => {
  it('scrollToShowRow({index: 3, …}) leaves a row in view where it is', () => {
    expect(scrollToShowRow({ ...list, index: 3 })).toBeNull();
  });

  it('a row below the viewport comes up to the bottom, with one row after it', () => {
    const to = scrollToShowRow({ ...list, index: 20 })!;
    expect(rowTop(20, to) + 2 * 44).toBe(440);
  });

  it('a row above comes down to just below the header, with one row before it', () => {
    const to = scrollToShowRow({ ...list, index: 12, scrollTopPx: 40 + 30 * 44 })!;
    expect(rowTop(11, to)).toBe(44);
  });

  it.each([0, 5, 13, 40, 99])('row %i lands on a row boundary: no row half under the header', (index) => {
    const down = scrollToShowRow({ ...list, index })!;
    const up = scrollToShowRow({ ...list, index, scrollTopPx: 100_000 })!;
    for (const to of [down, up].filter((value) => value !== null && value > 0))
      expect(Math.abs((rowTop(0, to) - list.headerPx) % 44)).toBe(0);
  });

  it('the first rows scroll to the top, never above it', () => {
    expect(scrollToShowRow({ ...list, index: 0, scrollTopPx: 500 })).toBe(0);
  });
});
