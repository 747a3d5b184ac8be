/**
 * Where a windowed list with a sticky header should scroll to show one row. Rows scroll in whole
 * rows: a row lands just below the header (with one row of context above it) or at the bottom
 * (with one below), so — the header being one row tall and the viewport a whole number of rows —
 * no row is ever left half under the header, where its link would be too small to hit (WCAG 2.5.8)
 * and a focus ring hidden (WCAG 2.4.11).
 */
export interface RowScroll {
  /** The row to show, 0-based. */
  index: number;
  scrollTopPx: number;
  viewportPx: number;
  rowHeightPx: number;
  /** Where the first row starts in the scrolled content, below the caption and the header. */
  rowsTopPx: number;
  /** The sticky header's height, covering the top of the viewport. */
  headerPx: number;
}

/** The scroll position that shows the row with a row of context around it; null when it already shows. */
export function scrollToShowRow({
  index,
  scrollTopPx,
  viewportPx,
  rowHeightPx,
  rowsTopPx,
  headerPx,
}: RowScroll): number | null {
  const top = rowsTopPx + index * rowHeightPx - scrollTopPx;
  if (top < headerPx + rowHeightPx) return Math.max(0, rowsTopPx - headerPx + (index - 1) * rowHeightPx);
  if (top + 2 * rowHeightPx > viewportPx) return rowsTopPx + (index + 2) * rowHeightPx - viewportPx;
  return null;
}
