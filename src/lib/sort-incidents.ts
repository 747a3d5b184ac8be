/** Sorting the incident list by a column; ties fall back to date then id so the order is stable. */
import { countryName } from './countries.ts';
import type { DatasetIndex } from './dataset-index.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { timeOrderOf } from './time-order.ts';

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

const collator = new Intl.Collator();

/** Each incident's text for a text column, computed once per sort rather than per comparison. */
function sortTexts(incidents: readonly LoadedIncident[], key: Exclude<SortKey, 'date'>): string[] {
  switch (key) {
    case 'title':
      return incidents.map((incident) => incident.title);
    case 'countries':
      return incidents.map(countriesText);
    case 'status':
      return incidents.map((incident) => incident.status ?? '');
  }
}

/**
 * The whole dataset's positions sorted by a column, in the order `sortIncidents` gives: computed
 * once per dataset and column, then every filter or window change just picks from it
 * (`pickInOrder`).
 */
export function sortOrder(index: DatasetIndex, key: SortKey, direction: SortDirection): Int32Array {
  if (key === 'date') return dateOrder(index, direction);
  const { incidents, startMs } = index;
  const sign = direction === 'ascending' ? 1 : -1;
  const texts = sortTexts(incidents, key);
  const primary = (a: number, b: number) => collator.compare(texts[a], texts[b]);
  const ids = incidents.map((incident) => incident.id);
  const order = Int32Array.from(incidents, (_, i) => i);
  return order.sort(
    (a, b) => sign * primary(a, b) || startMs[a] - startMs[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  );
}

/**
 * The date order read off the timeline's time order (start, longer first, id) in one pass rather
 * than a second sort of the whole dataset: ascending takes each start's ends shortest first;
 * descending takes the starts latest first.
 */
function dateOrder(index: DatasetIndex, direction: SortDirection): Int32Array {
  const { positions } = timeOrderOf(index.incidents);
  const { startMs, endMs } = index;
  const n = positions.length;
  const order = new Int32Array(n);
  let out = 0;
  const copy = (from: number, to: number) => {
    for (let k = from; k < to; k++) order[out++] = positions[k];
  };
  if (direction === 'ascending') {
    for (let first = 0; first < n;) {
      let end = first + 1;
      while (end < n && startMs[positions[end]] === startMs[positions[first]]) end++;
      // Within one start, runs of equal ends come longest first: take the runs last to first.
      for (let runEnd = end; runEnd > first;) {
        let runStart = runEnd - 1;
        while (runStart > first && endMs[positions[runStart - 1]] === endMs[positions[runEnd - 1]]) runStart--;
        copy(runStart, runEnd);
        runEnd = runStart;
      }
      first = end;
    }
  } else {
    for (let end = n; end > 0;) {
      let first = end - 1;
      while (first > 0 && startMs[positions[first - 1]] === startMs[positions[end - 1]]) first--;
      copy(first, end);
      end = first;
    }
  }
  return order;
}

const sorted = new WeakMap<DatasetIndex, Map<string, Int32Array>>();

/** `sortOrder`, computed once per dataset, column and direction. */
export function sortOrderOf(index: DatasetIndex, key: SortKey, direction: SortDirection): Int32Array {
  let orders = sorted.get(index);
  if (!orders) sorted.set(index, (orders = new Map()));
  let order = orders.get(`${key} ${direction}`);
  if (!order) orders.set(`${key} ${direction}`, (order = sortOrder(index, key, direction)));
  return order;
}

/** The flagged incidents in a precomputed order. */
export function pickInOrder(index: DatasetIndex, order: Int32Array, mask: Uint8Array): LoadedIncident[] {
  const picked: LoadedIncident[] = [];
  for (let k = 0; k < order.length; k++) if (mask[order[k]] === 1) picked.push(index.incidents[order[k]]);
  return picked;
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
