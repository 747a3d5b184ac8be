/** Sorting the incident list by a column; ties fall back to date then id so the order is stable. */
import { countryName } from './countries.ts';
import type { LoadedIncident } from './parse-incidents.ts';

export type SortKey = 'date' | 'title' | 'countries' | 'status';
export type SortDirection = 'ascending' | 'descending';

function countriesText(incident: LoadedIncident): string {
  return incident.filterCountries.map(countryName).join(', ');
}

const COMPARE: Record<SortKey, (a: LoadedIncident, b: LoadedIncident) => number> = {
  date: (a, b) => a.time.startMs - b.time.startMs || a.time.endMs - b.time.endMs,
  title: (a, b) => a.title.localeCompare(b.title),
  countries: (a, b) => countriesText(a).localeCompare(countriesText(b)),
  status: (a, b) => (a.status ?? '').localeCompare(b.status ?? ''),
};

export function sortIncidents(
  incidents: readonly LoadedIncident[],
  key: SortKey,
  direction: SortDirection,
): LoadedIncident[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = COMPARE[key];
  return [...incidents].sort(
    (a, b) => sign * compare(a, b) || a.time.startMs - b.time.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Rows to render for a scrolled window of fixed-height rows, with `overscan` extra on each side. */
export function visibleRowRange(
  scrollTopPx: number,
  viewportPx: number,
  rowHeightPx: number,
  rowCount: number,
  overscan = 6,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTopPx / rowHeightPx) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTopPx + viewportPx) / rowHeightPx) + overscan);
  return { first, last };
}
