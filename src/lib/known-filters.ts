/**
 * Filters from a link (or an embed's attributes) checked against the dataset they arrive at: a
 * value the data never takes is dropped and reported, and a value spelt in another case takes the
 * dataset's spelling (`country=ee` → `EE`).
 */
import { FACETS, facetValues, type Facet, type Filters } from './filter.ts';
import type { LoadedIncident } from './parse-incidents.ts';

export interface DroppedValue {
  facet: Facet;
  value: string;
}

/** The URL name of each facet, for notices. */
const PARAM_OF: Record<Facet, string> = {
  countries: 'country',
  techniques: 'technique',
  statuses: 'status',
  orgs: 'org',
};

export function keepKnownFilterValues(
  filters: Filters,
  incidents: readonly LoadedIncident[],
): { filters: Filters; dropped: DroppedValue[] } {
  const dropped: DroppedValue[] = [];
  const next: Filters = { ...filters };
  for (const facet of FACETS) {
    if (filters[facet].length === 0) continue;
    const known = new Map<string, string>();
    for (const incident of incidents)
      for (const value of facetValues(incident, facet)) known.set(value.toLowerCase(), value);
    const kept: string[] = [];
    for (const value of filters[facet]) {
      const match = known.get(value.toLowerCase());
      if (match === undefined) dropped.push({ facet, value });
      else if (!kept.includes(match)) kept.push(match);
    }
    next[facet] = kept;
  }
  return { filters: dropped.length === 0 && sameFilters(next, filters) ? filters : next, dropped };
}

function sameFilters(a: Filters, b: Filters): boolean {
  return FACETS.every((facet) => a[facet].join('\u0000') === b[facet].join('\u0000'));
}

/** One sentence naming the dropped values (at most `limit` of them). */
export function describeDroppedValues(dropped: readonly DroppedValue[], limit = 5): string {
  const named = dropped.slice(0, limit).map(({ facet, value }) => {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `${PARAM_OF[facet]} "${shown}"`;
  });
  const more = dropped.length > limit ? ` and ${dropped.length - limit} more` : '';
  return `This dataset has no ${named.join(', ')}${more}; ${dropped.length === 1 ? 'that filter was' : 'those filters were'} ignored.`;
}
