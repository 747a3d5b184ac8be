/**
 * The filter model of filter.ts over a `DatasetIndex`: the same answers as `applyFilters`,
 * `applyTimeWindow` and `countFacet`, computed as flags by dataset position in one pass of typed
 * arrays, so a filter change or a time-window commit at 100,000 incidents costs milliseconds.
 */
import type { DatasetIndex } from './dataset-index.ts';
import { FACETS, type Facet, type Filters, type TimeWindow } from './filter.ts';
import { matchesTokens, tokenizeQuery } from './search.ts';

/** Flags of the incidents matching the search text, or null when there is no search. */
export function queryMask(index: DatasetIndex, query: string): Uint8Array | null {
  const tokens = tokenizeQuery(query);
  if (tokens.length === 0) return null;
  const { incidents } = index;
  const mask = new Uint8Array(incidents.length);
  for (let i = 0; i < incidents.length; i++) mask[i] = matchesTokens(incidents[i].searchText, tokens) ? 1 : 0;
  return mask;
}

interface ActiveFacet {
  facet: Facet;
  offsets: Int32Array;
  codes: Int32Array;
  /** 1 for each selected code. */
  selected: Uint8Array;
}

function activeFacets(index: DatasetIndex, filters: Filters): ActiveFacet[] {
  return FACETS.filter((facet) => filters[facet].length > 0).map((facet) => {
    const column = index.facets[facet];
    const selected = new Uint8Array(column.values.length);
    for (const value of filters[facet]) {
      const code = column.codeOf.get(value);
      if (code !== undefined) selected[code] = 1;
    }
    return { facet, offsets: column.offsets, codes: column.codes, selected };
  });
}

function passes(active: ActiveFacet, i: number): boolean {
  for (let k = active.offsets[i]; k < active.offsets[i + 1]; k++)
    if (active.selected[active.codes[k]] === 1) return true;
  return false;
}

/**
 * Flags of the incidents passing every filter but time (OR within a facet, AND across facets and
 * the search). `query` is `queryMask(index, filters.query)`, passed in so it is computed once.
 */
export function filterMask(
  index: DatasetIndex,
  filters: Filters,
  query: Uint8Array | null = queryMask(index, filters.query),
): Uint8Array {
  const n = index.incidents.length;
  const active = activeFacets(index, filters);
  const mask = new Uint8Array(n);
  outer: for (let i = 0; i < n; i++) {
    if (query !== null && query[i] === 0) continue;
    for (const facet of active) if (!passes(facet, i)) continue outer;
    mask[i] = 1;
  }
  return mask;
}

/** `mask` narrowed to the incidents whose period touches the window (overlap, CONTRACTS §2). */
export function windowMask(index: DatasetIndex, mask: Uint8Array, window: TimeWindow): Uint8Array {
  const { startMs, endMs } = index;
  const { fromMs, toMs } = window;
  const narrowed = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 1 && startMs[i] < toMs && endMs[i] > fromMs) narrowed[i] = 1;
  }
  return narrowed;
}

/**
 * For every facet, how many incidents each value would give under all the other filters, the
 * search and the window: the numbers beside the checkboxes. One pass: an incident failing no
 * facet counts for every facet; one failing exactly one facet counts only for that one.
 */
export function countFacets(
  index: DatasetIndex,
  filters: Filters,
  window: TimeWindow | null,
  query: Uint8Array | null = queryMask(index, filters.query),
): Record<Facet, Map<string, number>> {
  const n = index.incidents.length;
  const active = activeFacets(index, filters);
  const { startMs, endMs } = index;
  const fromMs = window?.fromMs ?? -Infinity;
  const toMs = window?.toMs ?? Infinity;
  const columns = FACETS.map((facet) => index.facets[facet]);
  const tallies = columns.map((column) => new Int32Array(column.values.length));
  const tallyOf = new Map(FACETS.map((facet, f) => [facet, tallies[f]]));
  for (let i = 0; i < n; i++) {
    if (!(startMs[i] < toMs && endMs[i] > fromMs)) continue;
    if (query !== null && query[i] === 0) continue;
    let failed: ActiveFacet | null = null;
    let failures = 0;
    for (const facet of active) {
      if (passes(facet, i)) continue;
      failed = facet;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    if (failed !== null) {
      const tally = tallyOf.get(failed.facet)!;
      for (let k = failed.offsets[i]; k < failed.offsets[i + 1]; k++) tally[failed.codes[k]]++;
      continue;
    }
    for (let f = 0; f < columns.length; f++) {
      const { offsets, codes } = columns[f];
      const tally = tallies[f];
      for (let k = offsets[i]; k < offsets[i + 1]; k++) tally[codes[k]]++;
    }
  }
  const result = {} as Record<Facet, Map<string, number>>;
  FACETS.forEach((facet, f) => {
    const counts = new Map<string, number>();
    tallies[f].forEach((count, code) => {
      if (count > 0) counts.set(columns[f].values[code], count);
    });
    result[facet] = counts;
  });
  return result;
}

/** Every value a facet takes in the dataset, known vocabulary order first, then alphabetical. */
export function indexedFacetOptions(index: DatasetIndex, facet: Facet, order: readonly string[] = []): string[] {
  const rank = new Map(order.map((value, i) => [value, i]));
  const rankOf = (value: string) => rank.get(value) ?? order.length;
  return [...index.facets[facet].values].sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));
}

/**
 * How many flagged incidents carry each value of a facet (each incident once per value): the
 * choropleth's counts by country, without walking the incidents.
 */
export function countFacetValues(index: DatasetIndex, facet: Facet, mask: Uint8Array): Map<string, number> {
  const { values, offsets, codes } = index.facets[facet];
  const tally = new Int32Array(values.length);
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 1) for (let k = offsets[i]; k < offsets[i + 1]; k++) tally[codes[k]]++;
  }
  const counts = new Map<string, number>();
  tally.forEach((count, code) => {
    if (count > 0) counts.set(values[code], count);
  });
  return counts;
}
