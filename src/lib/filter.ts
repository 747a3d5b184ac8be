/**
 * The filter model: target country, technique, status, organisation, full-text search and the time
 * window. OR within one filter, AND across filters. Counts count incidents.
 */
import { overlaps } from './dates.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { matchesTokens, tokenizeQuery } from './search.ts';

export interface Filters {
  countries: string[];
  techniques: string[];
  statuses: string[];
  orgs: string[];
  query: string;
}

/** The visible range of the timeline, `[fromMs, toMs)` in UTC epoch ms. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

export type Facet = 'countries' | 'techniques' | 'statuses' | 'orgs';
export const FACETS: readonly Facet[] = ['countries', 'techniques', 'statuses', 'orgs'];

export const EMPTY_FILTERS: Filters = { countries: [], techniques: [], statuses: [], orgs: [], query: '' };

/** The values of one facet that a record carries. */
export function facetValues(incident: LoadedIncident, facet: Facet): readonly string[] {
  switch (facet) {
    case 'countries':
      return incident.filterCountries;
    case 'techniques':
      return incident.techniques;
    case 'statuses':
      return incident.status ? [incident.status] : [];
    case 'orgs':
      return incident.targets.orgs;
  }
}

function matchesAny(values: readonly string[], selected: readonly string[]): boolean {
  return selected.length === 0 || values.some((value) => selected.includes(value));
}

/** A predicate for all filters but the time window (and but `except`, for facet counts). */
export function incidentMatcher(filters: Filters, except?: Facet): (incident: LoadedIncident) => boolean {
  const tokens = tokenizeQuery(filters.query);
  const active = FACETS.filter((facet) => facet !== except && filters[facet].length > 0);
  return (incident) =>
    active.every((facet) => matchesAny(facetValues(incident, facet), filters[facet])) &&
    (tokens.length === 0 || matchesTokens(incident.searchText, tokens));
}

/** Incidents passing every filter except time (the timeline shows these; its window is the time filter). */
export function applyFilters(incidents: readonly LoadedIncident[], filters: Filters): LoadedIncident[] {
  const matches = incidentMatcher(filters);
  return incidents.filter(matches);
}

/** Incidents whose period touches the window: a year-precision incident overlaps any window touching its year. */
export function applyTimeWindow(incidents: readonly LoadedIncident[], window: TimeWindow): LoadedIncident[] {
  return incidents.filter((incident) =>
    overlaps(incident.time.startMs, incident.time.endMs, window.fromMs, window.toMs),
  );
}

export function hasActiveFilters(filters: Filters): boolean {
  return FACETS.some((facet) => filters[facet].length > 0) || filters.query.trim() !== '';
}

/** How many filter values are chosen (each checked value, and the search text as one): "Filters (3 active)". */
export function countActiveFilters(filters: Filters): number {
  return FACETS.reduce((sum, facet) => sum + filters[facet].length, filters.query.trim() === '' ? 0 : 1);
}

/**
 * How many incidents each value of a facet would give, under all the other filters and the window:
 * the number shown beside each checkbox.
 */
export function countFacet(
  incidents: readonly LoadedIncident[],
  filters: Filters,
  facet: Facet,
  window: TimeWindow | null,
): Map<string, number> {
  const matches = incidentMatcher(filters, facet);
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    if (window && !overlaps(incident.time.startMs, incident.time.endMs, window.fromMs, window.toMs)) continue;
    if (!matches(incident)) continue;
    for (const value of new Set(facetValues(incident, facet))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Every value a facet takes in the dataset, known vocabulary order first, then alphabetical. */
export function facetOptions(
  incidents: readonly LoadedIncident[],
  facet: Facet,
  order: readonly string[] = [],
): string[] {
  const values = new Set<string>();
  for (const incident of incidents) for (const value of facetValues(incident, facet)) values.add(value);
  const rank = (value: string) => {
    const index = order.indexOf(value);
    return index === -1 ? order.length : index;
  };
  return [...values].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Adds or removes one value of a facet, returning new filters. */
export function toggleFacetValue(filters: Filters, facet: Facet, value: string): Filters {
  const current = filters[facet];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  return { ...filters, [facet]: next };
}

/** The extent of all incidents, `[min start, max end)`; open ends count up to `nowMs`. */
export function timeExtent(incidents: readonly LoadedIncident[], nowMs: number): TimeWindow | null {
  if (incidents.length === 0) return null;
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const { time } of incidents) {
    fromMs = Math.min(fromMs, time.startMs);
    toMs = Math.max(toMs, Number.isFinite(time.endMs) ? time.endMs : Math.max(nowMs, time.startMs));
  }
  return { fromMs, toMs };
}
